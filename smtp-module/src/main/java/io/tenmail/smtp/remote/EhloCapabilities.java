package io.tenmail.smtp.remote;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a server's EHLO reply offers (RFC 5321 §4.1.1.1: one keyword per line after the first,
 * with optional parameters). A HELO session offers nothing.
 *
 * @param keywords        upper-case extension keywords
 * @param maxMessageOctets RFC 1870 SIZE limit; 0 when SIZE is not offered or has no limit
 * @param authMechanisms  upper-case SASL mechanisms after AUTH (and the old {@code AUTH=} form)
 */
public record EhloCapabilities(Set<String> keywords, long maxMessageOctets, Set<String> authMechanisms) {
    public static final EhloCapabilities NONE = new EhloCapabilities(Set.of(), 0, Set.of());

    public EhloCapabilities {
        keywords = Set.copyOf(keywords);
        authMechanisms = Set.copyOf(authMechanisms);
    }

    /** Parses an EHLO reply's lines; the first line is the server's greeting text, not an extension. */
    public static EhloCapabilities parse(List<String> lines) {
        Set<String> keywords = new HashSet<>();
        Set<String> auth = new HashSet<>();
        long size = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.trim().toUpperCase(Locale.ROOT).split("[\\s=]+");
            if (words.length == 0 || words[0].isEmpty()) continue;
            String keyword = words[0];
            keywords.add(keyword);
            if (keyword.equals("SIZE") && words.length > 1) {
                try {
                    size = Math.max(0, Long.parseLong(words[1]));
                } catch (NumberFormatException e) {
                    size = 0; // RFC 1870 §4: an unparseable limit is treated as none announced
                }
            }
            if (keyword.equals("AUTH")) {
                for (int i = 1; i < words.length; i++) auth.add(words[i]);
            }
        }
        return new EhloCapabilities(keywords, size, auth);
    }

    public boolean offers(String keyword) {
        return keywords.contains(keyword);
    }
}
