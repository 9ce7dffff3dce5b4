package io.tenmail.imap.wire;

/**
 * The character classes of RFC 9051 §9 (formal syntax), shared by the request parser and the
 * response writer. Octets are passed as ints (0..255) or chars; anything outside US-ASCII is in no
 * class here.
 */
public final class Grammar {

    private Grammar() {
    }

    /** CTL = %x00-1F / %x7F. */
    public static boolean isCtl(int c) {
        return c < 0x20 || c == 0x7f;
    }

    /** ATOM-CHAR: any CHAR except atom-specials {@code ( ) { SP CTL % * " \ ]}. */
    public static boolean isAtomChar(int c) {
        if (c <= 0x20 || c >= 0x7f) return false;
        return switch (c) {
            case '(', ')', '{', '%', '*', '"', '\\', ']' -> false;
            default -> true;
        };
    }

    /** ASTRING-CHAR = ATOM-CHAR / resp-specials ({@code ]}). */
    public static boolean isAstringChar(int c) {
        return c == ']' || isAtomChar(c);
    }

    /** list-char = ATOM-CHAR / list-wildcards / resp-specials. */
    public static boolean isListChar(int c) {
        return c == '%' || c == '*' || isAstringChar(c);
    }

    /** tag = 1*&lt;any ASTRING-CHAR except "+"&gt;. */
    public static boolean isTag(CharSequence s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || !isAstringChar(c)) return false;
        }
        return true;
    }

    /** atom = 1*ATOM-CHAR. */
    public static boolean isAtom(CharSequence s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isAtomChar(s.charAt(i))) return false;
        }
        return true;
    }

    /** 1*ASTRING-CHAR: the part of astring that needs no quoting. */
    public static boolean isAstringAtom(CharSequence s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isAstringChar(s.charAt(i))) return false;
        }
        return true;
    }

    /**
     * Response text: TEXT-CHAR is any CHAR except CR and LF; we refuse the other controls too,
     * which have no business in human text. Non-ASCII characters are allowed: RFC 9051 §9 admits
     * UTF-8 in text.
     */
    public static boolean isText(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isCtl(s.charAt(i))) return false;
        }
        return true;
    }
}
