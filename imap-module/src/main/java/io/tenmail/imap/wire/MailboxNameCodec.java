package io.tenmail.imap.wire;

/**
 * Mailbox names between their wire form and Unicode.
 *
 * <p>IMAP4rev1 clients use modified UTF-7 (RFC 3501 §5.1.3): printable US-ASCII but {@code &}
 * stands for itself, {@code &} is {@code &-}, and every other run of characters is {@code &},
 * modified BASE64 (with {@code ,} for {@code /}, no padding) of its UTF-16BE code units, {@code -}:
 * {@code 已发送} is {@code &XfJT0ZAB-}. Decoding is strict and refuses every form an encoder
 * would not produce (RFC 3501 §5.1.3: "&amp;" must be "&amp;-"; printable ASCII must not be
 * encoded; adjacent encoded runs must be merged; unused bits must be zero; surrogates must pair), so
 * that each mailbox has exactly one wire name and two spellings cannot reach the same mailbox.
 *
 * <p>Once UTF8=ACCEPT (RFC 6855 §3) or IMAP4rev2 (RFC 9051 §5.1) is enabled, names travel as
 * UTF-8: the wire form is the name itself and {@code &} is just a character.
 *
 * <p>Neither direction checks the hierarchy rules; {@code MailboxName} does.
 */
public final class MailboxNameCodec {

    private static final char[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();
    private static final int[] BASE64_VALUE = new int[128];

    static {
        java.util.Arrays.fill(BASE64_VALUE, -1);
        for (int i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64[i]] = i;
    }

    private MailboxNameCodec() {
    }

    /** The wire form of {@code name}: itself with UTF-8 on, else modified UTF-7. */
    public static String encode(String name, boolean utf8) {
        return utf8 ? name : encodeUtf7(name);
    }

    /**
     * The Unicode name for a wire form.
     *
     * @throws IllegalArgumentException with a reason fit for a response, if {@code wire} is not
     *     canonical modified UTF-7 (with UTF-8 off)
     */
    public static String decode(String wire, boolean utf8) {
        return utf8 ? wire : decodeUtf7(wire);
    }

    /** RFC 3501 §5.1.3 modified UTF-7. */
    public static String encodeUtf7(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int end = i;
            while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) end++;
            out.append('&');
            int bits = 0;
            int buffer = 0;
            for (int k = i; k < end; k++) {
                buffer = buffer << 16 | name.charAt(k);
                bits += 16;
                while (bits >= 6) {
                    bits -= 6;
                    out.append(BASE64[(buffer >> bits) & 0x3f]);
                }
                buffer &= (1 << bits) - 1;
            }
            if (bits > 0) out.append(BASE64[(buffer << (6 - bits)) & 0x3f]);
            out.append('-');
            i = end;
        }
        return out.toString();
    }

    /** Strict RFC 3501 §5.1.3 modified UTF-7 decoding. */
    public static String decodeUtf7(String wire) {
        StringBuilder out = new StringBuilder(wire.length());
        int i = 0;
        int lastRunEnd = -1;
        while (i < wire.length()) {
            char c = wire.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(c > 0x7e
                        ? "Mailbox name is not valid modified UTF-7 (8-bit character; enable UTF8=ACCEPT)"
                        : "Mailbox name contains a control character");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int dash = wire.indexOf('-', i + 1);
            if (dash < 0) throw invalid("unterminated '&' sequence");
            if (dash == i + 1) {
                out.append('&');
                i = dash + 1;
                continue;
            }
            if (lastRunEnd == i) throw invalid("adjacent encoded sequences");
            decodeRun(wire, i + 1, dash, out);
            i = dash + 1;
            lastRunEnd = i;
        }
        return out.toString();
    }

    private static void decodeRun(String wire, int from, int to, StringBuilder out) {
        int buffer = 0;
        int bits = 0;
        int units = 0;
        char pendingHigh = 0;
        for (int k = from; k < to; k++) {
            char c = wire.charAt(k);
            int v = c < 128 ? BASE64_VALUE[c] : -1;
            if (v < 0) throw invalid("'" + c + "' in an encoded sequence");
            buffer = buffer << 6 | v;
            bits += 6;
            if (bits >= 16) {
                bits -= 16;
                char unit = (char) ((buffer >> bits) & 0xffff);
                buffer &= (1 << bits) - 1;
                units++;
                if (unit >= 0x20 && unit <= 0x7e) throw invalid("printable US-ASCII encoded");
                if (pendingHigh != 0) {
                    if (!Character.isLowSurrogate(unit)) throw invalid("unpaired surrogate");
                    out.append(pendingHigh).append(unit);
                    pendingHigh = 0;
                } else if (Character.isHighSurrogate(unit)) {
                    pendingHigh = unit;
                } else if (Character.isLowSurrogate(unit)) {
                    throw invalid("unpaired surrogate");
                } else {
                    out.append(unit);
                }
            }
        }
        // an encoder emits the fewest BASE64 characters: fewer than 6 spare bits, all zero
        if (units == 0 || bits >= 6 || buffer != 0) throw invalid("bad BASE64 length or padding bits");
        if (pendingHigh != 0) throw invalid("unpaired surrogate");
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("Mailbox name is not valid modified UTF-7 (" + why + ")");
    }
}
