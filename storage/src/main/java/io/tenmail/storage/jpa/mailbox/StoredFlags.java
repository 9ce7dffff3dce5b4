package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * How flags are stored: system flags as bits of one integer (fixed here, independent of the enum's
 * order, because they are in the database), keywords joined by single spaces in case-insensitive
 * order, null for none. Keywords are IMAP atoms (RFC 9051 §2.3.2), which have no spaces; one with
 * white space or control characters cannot be stored and is INVALID.
 */
final class StoredFlags {
    static final int SEEN = 1;
    static final int ANSWERED = 2;
    static final int FLAGGED = 4;
    static final int DELETED = 8;
    static final int DRAFT = 16;
    /** The KEYWORDS column's length. */
    static final int MAX_KEYWORDS_LENGTH = 4000;

    private StoredFlags() {
    }

    static int bits(Flags flags) {
        int bits = 0;
        for (SystemFlag f : flags.system()) bits |= bit(f);
        return bits;
    }

    /** The keywords column value: null when there are none. */
    static String keywords(Flags flags) throws StoreException {
        if (flags.keywords().isEmpty()) return null;
        StringBuilder s = new StringBuilder();
        for (String keyword : flags.keywords()) {
            for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                if (c <= ' ' || c == 127) throw new StoreException(Reason.INVALID, "keyword with white space or control character");
            }
            if (s.length() > 0) s.append(' ');
            s.append(keyword);
        }
        if (s.length() > MAX_KEYWORDS_LENGTH) throw new StoreException(Reason.INVALID, "too many keywords on one message");
        return s.toString();
    }

    static Flags decode(int bits, String keywords) {
        EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        for (SystemFlag f : SystemFlag.values()) {
            if ((bits & bit(f)) != 0) system.add(f);
        }
        Set<String> k = keywords == null || keywords.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(keywords.split(" ")));
        return new Flags(system, k);
    }

    static boolean isSeen(int bits) {
        return (bits & SEEN) != 0;
    }

    static boolean isDeleted(int bits) {
        return (bits & DELETED) != 0;
    }

    private static int bit(SystemFlag flag) {
        return switch (flag) {
            case SEEN -> SEEN;
            case ANSWERED -> ANSWERED;
            case FLAGGED -> FLAGGED;
            case DELETED -> DELETED;
            case DRAFT -> DRAFT;
        };
    }
}
