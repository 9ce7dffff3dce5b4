package io.tenmail.storage.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * System flags and keywords of a message. Keywords are atoms (RFC 9051 §2.3.2), kept in the case
 * first seen but compared case-insensitively by the store.
 */
public record Flags(Set<SystemFlag> system, Set<String> keywords) {
    public static final Flags NONE = new Flags(EnumSet.noneOf(SystemFlag.class), Set.of());
    public static final int MAX_KEYWORD_LENGTH = 100;

    public enum SystemFlag {
        SEEN("\\Seen"), ANSWERED("\\Answered"), FLAGGED("\\Flagged"), DELETED("\\Deleted"), DRAFT("\\Draft");

        private final String wire;

        SystemFlag(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Flags {
        system = system.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(SystemFlag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(system));
        TreeSet<String> k = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String keyword : keywords) {
            if (keyword.isEmpty() || keyword.length() > MAX_KEYWORD_LENGTH || keyword.startsWith("\\")) {
                throw new IllegalArgumentException("invalid keyword: " + keyword);
            }
            k.add(keyword);
        }
        keywords = Collections.unmodifiableSet(k);
    }

    public static Flags of(SystemFlag... flags) {
        EnumSet<SystemFlag> set = EnumSet.noneOf(SystemFlag.class);
        Collections.addAll(set, flags);
        return new Flags(set, Set.of());
    }

    public boolean has(SystemFlag flag) {
        return system.contains(flag);
    }

    public boolean hasKeyword(String keyword) {
        return keywords.contains(keyword.toLowerCase(Locale.ROOT)) || keywords.contains(keyword);
    }
}
