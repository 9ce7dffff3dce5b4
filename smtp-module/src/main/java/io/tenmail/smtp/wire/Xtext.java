package io.tenmail.smtp.wire;

import java.util.HexFormat;

/**
 * The {@code xtext} encoding of RFC 3461 §4 (ENVID, ORCPT, and RFC 4954's AUTH= parameter), and
 * RFC 6533 §3's {@code utf-8-addr-xtext} for ORCPT addresses of type {@code utf-8}.
 *
 * <pre>
 * xtext   = *( xchar / hexchar )
 * xchar   = any ASCII CHAR between "!" (33) and "~" (126) inclusive, except for "+" and "="
 * hexchar = "+" 2HEXDIG   ; RFC 3461 says upper case; lower case is accepted when decoding
 * </pre>
 */
public final class Xtext {

    private Xtext() {}

    /** Decodes xtext; throws {@link IllegalArgumentException} if it is not valid xtext. */
    public static String decode(String xtext) {
        StringBuilder out = new StringBuilder(xtext.length());
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+') {
                if (i + 2 >= xtext.length()) throw new IllegalArgumentException("truncated xtext hexchar");
                int hi = AddressGrammar.hexValue(xtext.charAt(i + 1));
                int lo = AddressGrammar.hexValue(xtext.charAt(i + 2));
                if (hi < 0 || lo < 0) throw new IllegalArgumentException("invalid xtext hexchar");
                out.append((char) (hi * 16 + lo));
                i += 2;
            } else if (c >= 33 && c <= 126 && c != '=') {
                out.append(c);
            } else {
                throw new IllegalArgumentException("invalid xtext character");
            }
        }
        return out.toString();
    }

    /** Encodes US-ASCII text as xtext; non-ASCII text has no xtext form (use RFC 6533 forms). */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) throw new IllegalArgumentException("xtext carries US-ASCII only");
            if (c >= 33 && c <= 126 && c != '+' && c != '=') {
                out.append(c);
            } else {
                out.append('+').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /**
     * Decodes RFC 6533 §3 {@code utf-8-addr-xtext}: QCHARs (printable ASCII except "+", "=", "\",
     * and UTF-8) and {@code \x{HEXPOINT}} escapes. Throws {@link IllegalArgumentException}.
     */
    public static String decodeUtf8Address(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == '\\') {
                int close = text.indexOf('}', i);
                if (!text.startsWith("\\x{", i) || close < 0) throw new IllegalArgumentException("invalid \\x{} escape");
                String hex = text.substring(i + 3, close);
                if (hex.length() < 2 || hex.length() > 6 || !hex.chars().allMatch(h -> AddressGrammar.hexValue((char) h) >= 0)) {
                    throw new IllegalArgumentException("invalid \\x{} escape");
                }
                int value = Integer.parseInt(hex, 16);
                if (value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
                    throw new IllegalArgumentException("invalid code point in \\x{} escape");
                }
                out.appendCodePoint(value);
                i = close + 1;
            } else if (cp >= 0x80 || (cp >= 0x21 && cp <= 0x7e && cp != '+' && cp != '=')) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            } else {
                throw new IllegalArgumentException("invalid character in utf-8-addr-xtext");
            }
        }
        return out.toString();
    }
}
