package io.tenmail.smtp.wire;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The character-level rules of RFC 5321 §4.1.2 and §4.1.3, with the RFC 6531 §3.3 additions
 * (UTF-8 in atext, qtext and U-label sub-domains). Whether UTF-8 is permitted at all is decided by
 * the caller; here any non-ASCII code point simply counts as {@code UTF8-non-ascii}.
 */
final class AddressGrammar {

    /** RFC 5321 §4.5.3.1.1. */
    static final int MAX_LOCAL_PART_OCTETS = 64;
    /** RFC 5321 §4.5.3.1.2. */
    static final int MAX_DOMAIN_OCTETS = 255;
    /** RFC 5321 §4.5.3.1.3: including the angle brackets and any source route. */
    static final int MAX_PATH_OCTETS = 256;
    /** RFC 1035 §2.3.4. */
    private static final int MAX_LABEL_OCTETS = 63;

    private AddressGrammar() {}

    /** RFC 5322 atext, plus UTF8-non-ascii (RFC 6531 §3.3). */
    static boolean isAtext(int cp) {
        if (cp >= 0x80) return true;
        if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9') return true;
        return "!#$%&'*+-/=?^_`{|}~".indexOf(cp) >= 0;
    }

    /** RFC 5321 qtextSMTP ({@code %d32-33 / %d35-91 / %d93-126}), plus UTF8-non-ascii. */
    static boolean isQtext(int cp) {
        return cp >= 0x80 || cp == 32 || cp == 33 || (cp >= 35 && cp <= 91) || (cp >= 93 && cp <= 126);
    }

    /** {@code Dot-string = Atom *("." Atom)}. */
    static boolean isDotString(String s) {
        if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.' || s.contains("..")) return false;
        return s.codePoints().allMatch(cp -> cp == '.' || isAtext(cp));
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * {@code Domain = sub-domain *("." sub-domain)}, {@code sub-domain = Let-dig [Ldh-str]}, or a
     * U-label (RFC 6531 §3.3) that converts to a valid A-label. At most 255 octets, labels at most
     * 63. No trailing dot: RFC 5321 has none.
     */
    static boolean isDomain(String domain) {
        if (domain.isEmpty() || utf8Length(domain) > MAX_DOMAIN_OCTETS) return false;
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (isAscii(label)) {
                if (!isLdhLabel(label)) return false;
            } else if (!isULabel(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLdhLabel(String label) {
        int n = label.length();
        if (n == 0 || n > MAX_LABEL_OCTETS) return false;
        if (!isLetDig(label.charAt(0)) || !isLetDig(label.charAt(n - 1))) return false;
        for (int i = 1; i < n - 1; i++) {
            char c = label.charAt(i);
            if (!isLetDig(c) && c != '-') return false;
        }
        return true;
    }

    private static boolean isULabel(String label) {
        try {
            // the same conversion storage's EmailAddress applies, so whatever passes here it accepts
            String ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
            return ascii.indexOf('.') < 0 && isLdhLabel(ascii);
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    private static boolean isLetDig(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * Parses an address literal including its brackets: {@code [192.0.2.1]} or {@code
     * [IPv6:2001:db8::1]} (RFC 5321 §4.1.3). General address literals ({@code [tag:...]}) are
     * refused: no tag other than IPv6 is registered. Returns null if the text is not one.
     */
    static InetAddress addressLiteral(String bracketed) {
        if (bracketed.length() < 3 || bracketed.charAt(0) != '[' || bracketed.charAt(bracketed.length() - 1) != ']') {
            return null;
        }
        String inner = bracketed.substring(1, bracketed.length() - 1);
        byte[] address;
        if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
            address = ipv6(inner.substring(5));
        } else {
            address = ipv4(inner);
        }
        if (address == null) return null;
        try {
            // getByAddress never consults DNS
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code IPv4-address-literal = Snum 3("." Snum)}, {@code Snum = 1*3DIGIT} 0-255. */
    static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    /**
     * RFC 5321 §4.1.3 {@code IPv6-addr}: full (8 groups), compressed ("::" and at most 6 other
     * groups), and both with a trailing IPv4 literal (which counts as two groups, so at most 4
     * others with "::"). Stricter than RFC 4291: "::" stands for at least two zero groups, so
     * {@code 1:2:3:4:5:6::8} is refused.
     */
    static byte[] ipv6(String s) {
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) return null;
        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount;
        int tailCount = 0;
        if (dc < 0) {
            headCount = groups(s, true, head);
            if (headCount != 8) return null;
        } else {
            headCount = dc == 0 ? 0 : groups(s.substring(0, dc), false, head);
            String after = s.substring(dc + 2);
            tailCount = after.isEmpty() ? 0 : groups(after, true, tail);
            if (headCount < 0 || tailCount < 0 || headCount + tailCount > 6) return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < headCount; i++) {
            out[2 * i] = (byte) (head[i] >> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tailCount; i++) {
            int at = 8 - tailCount + i;
            out[2 * at] = (byte) (tail[i] >> 8);
            out[2 * at + 1] = (byte) tail[i];
        }
        return out;
    }

    /** Parses colon-separated hex groups (and an IPv4 tail, as two groups); -1 if invalid. */
    private static int groups(String s, boolean ipv4AllowedLast, int[] out) {
        String[] parts = s.split(":", -1);
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.indexOf('.') >= 0) {
                byte[] v4 = ipv4AllowedLast && i == parts.length - 1 ? ipv4(p) : null;
                if (v4 == null || n + 2 > 8) return -1;
                out[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else {
                if (p.isEmpty() || p.length() > 4 || n + 1 > 8) return -1;
                int v = 0;
                for (int k = 0; k < p.length(); k++) {
                    int d = hexValue(p.charAt(k));
                    if (d < 0) return -1;
                    v = v * 16 + d;
                }
                out[n++] = v;
            }
        }
        return n;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would accept non-ASCII digits). */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }
}
