package io.tenmail.pop3.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits the client's byte stream into command lines. A line ends with CRLF; a bare LF is accepted
 * too (some clients send it) and a CR right before it is dropped. Memory is bounded: a line longer
 * than {@code maxLineOctets} (terminator included) is not kept; its bytes are discarded as they
 * arrive and, once its terminator is seen, it is reported as {@link InputLine#tooLong()} so the
 * session can answer {@code -ERR} and carry on in step with the client.
 *
 * <p>Not thread-safe: one instance per connection, fed by one thread at a time.
 */
public final class LineAssembler {
    private final int maxLineOctets;
    private byte[] buffer = new byte[128];
    private int length;
    private boolean overflowed;

    /** @param maxLineOctets the longest line accepted, CRLF included */
    public LineAssembler(int maxLineOctets) {
        if (maxLineOctets < 3) throw new IllegalArgumentException("maxLineOctets must be at least 3");
        this.maxLineOctets = maxLineOctets;
    }

    /** Consumes all of {@code bytes}, handing each completed line to {@code lines} in order. */
    public void feed(ByteBuffer bytes, Consumer<InputLine> lines) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                lines.accept(complete());
                continue;
            }
            if (overflowed) continue;
            // the content may hold maxLineOctets - 2 octets; CRLF takes the rest
            if (length >= maxLineOctets - 1) {
                overflowed = true;
                length = 0;
                continue;
            }
            if (length == buffer.length) buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLineOctets));
            buffer[length++] = b;
        }
    }

    /** Discards a partial line (RFC 2595 §4: nothing the client sent before TLS may count after it). */
    public void clear() {
        length = 0;
        overflowed = false;
        if (buffer.length > 128) buffer = new byte[128];
    }

    /** Octets of the partial line held now. */
    public int buffered() {
        return length;
    }

    private InputLine complete() {
        InputLine line;
        if (overflowed) {
            line = InputLine.TOO_LONG;
        } else {
            int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
            line = new InputLine(Arrays.copyOf(buffer, end), false);
        }
        length = 0;
        overflowed = false;
        if (buffer.length > 1024) buffer = new byte[128];   // an AUTH line grew it; do not keep it per idle session
        return line;
    }
}
