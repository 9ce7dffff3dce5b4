package io.tenmail.imap.wire;

/**
 * The bounds a {@link RequestReader} enforces before it buffers anything, so that one connection
 * never holds more than one command within these limits.
 *
 * @param maxLineOctets          all octets of one command except literal data, terminators not
 *                               counted (Dovecot's and Cyrus's 64 KiB by default: long UID sets)
 * @param maxLiteralOctets       largest literal in an APPEND command, i.e. the APPENDLIMIT (RFC 7889)
 * @param maxStringLiteralOctets largest literal in any other command; such literals are strings
 *                               and are always held in memory
 * @param maxLiterals            literals in one command (each MULTIAPPEND message is one)
 * @param maxNesting             depth of parentheses in one command
 * @param literalMinus           true if the server advertises LITERAL- rather than LITERAL+: then a
 *                               non-synchronizing literal above {@value #LITERAL_MINUS_MAX_OCTETS}
 *                               octets is refused (RFC 7888 §4)
 */
public record ReaderLimits(int maxLineOctets, long maxLiteralOctets, int maxStringLiteralOctets, int maxLiterals,
                           int maxNesting, boolean literalMinus) {

    /** RFC 7888 §4: the largest non-synchronizing literal a LITERAL- client may send. */
    public static final int LITERAL_MINUS_MAX_OCTETS = 4096;

    /** 64 KiB lines, 50 MiB messages, 64 KiB string literals, 64 literals, 32 levels, LITERAL+. */
    public static final ReaderLimits DEFAULT = new ReaderLimits(64 * 1024, 50L * 1024 * 1024, 64 * 1024, 64, 32, false);

    public ReaderLimits {
        if (maxLineOctets < 64) throw new IllegalArgumentException("maxLineOctets too small: " + maxLineOctets);
        if (maxLiteralOctets < 0) throw new IllegalArgumentException("maxLiteralOctets negative");
        if (maxStringLiteralOctets < 0) throw new IllegalArgumentException("maxStringLiteralOctets negative");
        if (maxLiterals < 1) throw new IllegalArgumentException("maxLiterals must be at least 1");
        if (maxNesting < 1) throw new IllegalArgumentException("maxNesting must be at least 1");
    }

    public ReaderLimits withLiteralMinus(boolean minus) {
        return new ReaderLimits(maxLineOctets, maxLiteralOctets, maxStringLiteralOctets, maxLiterals, maxNesting, minus);
    }

    public ReaderLimits withMaxLiteralOctets(long max) {
        return new ReaderLimits(maxLineOctets, max, maxStringLiteralOctets, maxLiterals, maxNesting, literalMinus);
    }
}
