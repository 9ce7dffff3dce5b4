package io.tenmail.imap.command.search;

import java.util.Comparator;

/**
 * The i;ascii-casemap collation (RFC 4790 §9.2) that SORT uses for strings (RFC 5256 §3): ASCII
 * letters compare case-insensitively, everything else by code point (the order of UTF-8 octets).
 */
final class Collation {
    static final Comparator<String> ASCII_CASEMAP = Collation::compare;

    private Collation() {
    }

    static String asciiUpper(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, (char) (c - 32));
            }
        }
        return sb == null ? s : sb.toString();
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = upper(a.codePointAt(i));
            int cb = upper(b.codePointAt(j));
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
}
