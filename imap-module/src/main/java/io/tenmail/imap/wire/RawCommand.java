package io.tenmail.imap.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One complete command as framed by the {@link RequestReader}: the octets of its lines joined
 * without their CRLFs, and the literals that followed lines ending in a literal announcement.
 * Literal {@code i} belongs right after text offset {@link #literalEnd(int) literalEnd(i)}, which
 * is the offset just past the announcement's closing brace. For
 *
 * <pre>
 * a1 LOGIN {5}
 * fred {6+}
 * secret
 * </pre>
 *
 * the text is {@code a1 LOGIN {5}fred {6+}} with literal ends 12 and 21. Immutable apart from
 * {@link #release()}.
 */
public final class RawCommand {

    private final byte[] text;
    private final List<Literal> literals;
    private final int[] literalEnds;

    public RawCommand(byte[] text, List<Literal> literals, int[] literalEnds) {
        if (literals.size() != literalEnds.length) throw new IllegalArgumentException("one end per literal");
        for (int i = 0; i < literalEnds.length; i++) {
            int end = literalEnds[i];
            if (end < 1 || end > text.length || text[end - 1] != '}' || i > 0 && end < literalEnds[i - 1]) {
                throw new IllegalArgumentException("literal end " + end + " is not after a literal announcement");
            }
        }
        this.text = text.clone();
        this.literals = List.copyOf(literals);
        this.literalEnds = literalEnds.clone();
    }

    /** A command without literals, from its text in UTF-8 (for tests and internal use). */
    public static RawCommand of(String line) {
        return new RawCommand(line.getBytes(StandardCharsets.UTF_8), List.of(), new int[0]);
    }

    /** Octets of text (the lines without terminators). */
    public int length() {
        return text.length;
    }

    /** The text octet at {@code index}, 0..255. */
    public int octet(int index) {
        return text[index] & 0xff;
    }

    /** A copy of text octets {@code [from, to)}. */
    public byte[] octets(int from, int to) {
        return Arrays.copyOfRange(text, from, to);
    }

    public int literalCount() {
        return literals.size();
    }

    public Literal literal(int index) {
        return literals.get(index);
    }

    /** The text offset just past the closing brace that announced literal {@code index}. */
    public int literalEnd(int index) {
        return literalEnds[index];
    }

    public List<Literal> literals() {
        return literals;
    }

    /** Frees spooled literals; the command must not be used afterwards. */
    public void release() {
        for (Literal literal : literals) literal.release();
    }

    /**
     * The tag as far as it can be told from the first octets, or null if the command does not
     * begin with a valid tag and a space (then a BAD must be untagged, RFC 9051 §7.1.3).
     */
    public String tag() {
        return tagOf(text, text.length);
    }

    static String tagOf(byte[] octets, int length) {
        int i = 0;
        while (i < length && octets[i] != ' ') i++;
        if (i == 0 || i == length) return null;
        String tag = new String(octets, 0, i, StandardCharsets.ISO_8859_1);
        return Grammar.isTag(tag) ? tag : null;
    }

    /** The text with literals shown as their announcements only; for logs (mask secrets first). */
    @Override
    public String toString() {
        return new String(text, StandardCharsets.UTF_8);
    }
}
