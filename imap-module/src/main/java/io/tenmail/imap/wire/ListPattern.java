package io.tenmail.imap.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * A LIST/LSUB mailbox pattern (RFC 9051 §6.3.9) over Unicode names with {@code /} as the hierarchy
 * delimiter: {@code *} matches any characters, delimiters included; {@code %} matches any
 * characters but the delimiter. The reference name is prepended as written (RFC 9051 §6.3.9:
 * {@code LIST "Archive/" "2026/%"} lists {@code Archive/2026/*} one level deep).
 *
 * <p>INBOX is case-insensitive (RFC 9051 §5.1): the first five characters of a name whose first
 * level is {@code INBOX} match pattern characters in either case, so {@code inbox}, {@code In%} and
 * {@code inbox/%} all find it. Matching runs in O(pattern × name) time whatever the wildcards, so a
 * hostile pattern like {@code *%*%*%*%a} costs no more than a plain one.
 *
 * <p>Immutable and thread-safe.
 */
public final class ListPattern {

    public static final char DELIMITER = '/';

    private final String pattern;

    private ListPattern(String pattern) {
        this.pattern = pattern;
    }

    /** The pattern for a LIST's reference and mailbox arguments, both decoded to Unicode. */
    public static ListPattern of(String reference, String mailbox) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(mailbox, "mailbox");
        return new ListPattern(collapse(reference + mailbox));
    }

    public static ListPattern of(String pattern) {
        return of("", pattern);
    }

    /** The effective pattern (reference + mailbox, runs of wildcards collapsed). */
    public String pattern() {
        return pattern;
    }

    /** True if the pattern has no wildcard, i.e. it names one mailbox. */
    public boolean isLiteral() {
        return pattern.indexOf('*') < 0 && pattern.indexOf('%') < 0;
    }

    /** True if {@code name} matches the whole pattern. */
    public boolean matches(String name) {
        boolean inboxRooted = name.regionMatches(0, "INBOX", 0, 5)
                && (name.length() == 5 || name.charAt(5) == DELIMITER);
        int p = pattern.length();
        int n = name.length();
        // reach[j]: the pattern characters seen so far can match the first j name characters
        boolean[] reach = new boolean[n + 1];
        boolean[] next = new boolean[n + 1];
        reach[0] = true;
        for (int i = 0; i < p; i++) {
            char pc = pattern.charAt(i);
            Arrays.fill(next, false);
            if (pc == '*' || pc == '%') {
                boolean carried = false;
                for (int j = 0; j <= n; j++) {
                    if (reach[j]) carried = true;
                    next[j] = carried;
                    // '%' cannot consume a delimiter: its run stops before one
                    if (pc == '%' && j < n && name.charAt(j) == DELIMITER) carried = false;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    if (reach[j] && same(pc, name.charAt(j), j, inboxRooted)) next[j + 1] = true;
                }
            }
            boolean[] t = reach;
            reach = next;
            next = t;
        }
        return reach[n];
    }

    private static boolean same(char pc, char nc, int position, boolean inboxRooted) {
        if (pc == nc) return true;
        return inboxRooted && position < 5 && Character.toUpperCase(pc) == nc;
    }

    /** {@code **}, {@code *%} and {@code %*} match what {@code *} matches; {@code %%} what {@code %} does. */
    private static String collapse(String p) {
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            int last = sb.length() - 1;
            if ((c == '*' || c == '%') && last >= 0 && (sb.charAt(last) == '*' || sb.charAt(last) == '%')) {
                if (c == '*') sb.setCharAt(last, '*');
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
