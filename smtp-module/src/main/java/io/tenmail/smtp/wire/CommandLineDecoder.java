package io.tenmail.smtp.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Incremental splitter of the command stream into lines, fed arbitrary chunks. Each call to
 * {@link #decode(ByteBuffer)} consumes bytes up to and including one line terminator and returns
 * that line, or consumes everything and returns null when the line is not complete yet. Because
 * it never reads past a line end, the bytes after a {@code DATA} or {@code BDAT} line stay in the
 * buffer for the {@link DataReader} / {@link BdatReader}: with pipelining (RFC 2920) nothing is
 * lost or read twice. After {@code STARTTLS} the session must drop whatever the client pipelined
 * behind it ({@link #discardPartialLine()} and the buffer's rest; RFC 3207 §4.2, the 2011
 * STARTTLS command-injection bugs).
 *
 * <h2>Line endings</h2>
 *
 * A line ends with CRLF. A bare LF is also taken as the end of a command line and reported in
 * {@link Line#bareLf()}: RFC 5321 §2.3.8 lets a server decide how tolerant to be, commands are
 * short and sent one per line by every client, and unlike in DATA nothing can be smuggled by it
 * (the DATA reader, not this class, decides where a message ends). The session may refuse such
 * lines. A bare CR stays in the line, where the parser refuses it as a control character.
 *
 * <h2>Length</h2>
 *
 * Lines longer than the limit (octets including the terminator) are refused with {@link
 * Replies#LINE_TOO_LONG} (500 5.5.2) once their end arrives; the excess is discarded as it
 * arrives, so memory stays bounded by the limit. The default of 1000 octets covers RFC 5321's 512
 * plus most extension allowances (RFC 1870 +26, RFC 3461 +100/+500, RFC 4954 AUTH= +500);
 * RFC 4954 §4 wants 12288 for SASL responses ({@link #SASL_MAX_LINE_OCTETS}).
 *
 * <h2>Characters</h2>
 *
 * Until {@link #setUtf8(boolean)} is switched on (after an EHLO response that advertised
 * SMTPUTF8), octets are mapped one-to-one to chars (ISO-8859-1), so any non-ASCII octet survives
 * as a non-ASCII char that the parser refuses. With UTF-8 on, malformed UTF-8 is refused with
 * {@link Replies#INVALID_UTF8}.
 *
 * <p>Not thread-safe: one decoder per connection.
 */
public final class CommandLineDecoder {

    /** RFC 5321 §4.5.3.1.6 text-line limit, used for command lines with extension parameters. */
    public static final int DEFAULT_MAX_LINE_OCTETS = 1000;
    /** RFC 4954 §4: SASL response lines may be up to 12288 octets. */
    public static final int SASL_MAX_LINE_OCTETS = 12288;

    /** What {@link #decode} found. */
    public sealed interface Result permits Line, Rejected {}

    /**
     * A complete line without its terminator.
     *
     * @param bareLf true if it ended with LF alone instead of CRLF
     */
    public record Line(String text, boolean bareLf) implements Result {
        public Line {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A line that was consumed but cannot be used; send the reply. */
    public record Rejected(Reply reply) implements Result {
        public Rejected {
            Objects.requireNonNull(reply, "reply");
        }
    }

    private byte[] buffer = new byte[128];
    private int length;
    private boolean discarding;
    private int maxLineOctets;
    private boolean utf8;

    public CommandLineDecoder() {
        this(DEFAULT_MAX_LINE_OCTETS);
    }

    public CommandLineDecoder(int maxLineOctets) {
        setMaxLineOctets(maxLineOctets);
    }

    /** Changes the limit, e.g. to {@link #SASL_MAX_LINE_OCTETS} during an AUTH exchange. */
    public void setMaxLineOctets(int maxLineOctets) {
        if (maxLineOctets < 3) throw new IllegalArgumentException("line limit too small: " + maxLineOctets);
        this.maxLineOctets = maxLineOctets;
    }

    public int maxLineOctets() {
        return maxLineOctets;
    }

    /** Decode lines as UTF-8 (RFC 6531, once SMTPUTF8 was advertised) instead of octet-per-char. */
    public void setUtf8(boolean utf8) {
        this.utf8 = utf8;
    }

    /**
     * Consumes bytes up to and including the next line terminator and returns the line, or null
     * when {@code in} ran out first (the partial line is kept for the next call).
     */
    public Result decode(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                boolean crlf = !discarding && length > 0 && buffer[length - 1] == '\r';
                if (discarding) {
                    discarding = false;
                    length = 0;
                    return new Rejected(Replies.LINE_TOO_LONG);
                }
                int textLength = crlf ? length - 1 : length;
                length = 0;
                return text(textLength, !crlf);
            }
            if (discarding) continue;
            // the line with its terminator may not exceed the limit; at least LF still has to come
            if (length + 1 >= maxLineOctets) {
                discarding = true;
                length = 0;
                continue;
            }
            if (length == buffer.length) {
                byte[] bigger = new byte[Math.min(maxLineOctets, buffer.length * 2)];
                System.arraycopy(buffer, 0, bigger, 0, length);
                buffer = bigger;
            }
            buffer[length++] = b;
        }
        return null;
    }

    /** True if bytes of an unfinished line are held. */
    public boolean hasPartialLine() {
        return length > 0 || discarding;
    }

    /** Forgets an unfinished line and returns how many of its octets were held. */
    public int discardPartialLine() {
        int held = length;
        length = 0;
        discarding = false;
        return held;
    }

    private Result text(int textLength, boolean bareLf) {
        if (!utf8) return new Line(new String(buffer, 0, textLength, StandardCharsets.ISO_8859_1), bareLf);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, 0, textLength));
            return new Line(chars.toString(), bareLf);
        } catch (CharacterCodingException e) {
            return new Rejected(Replies.INVALID_UTF8);
        }
    }
}
