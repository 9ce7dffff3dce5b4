package io.tenmail.imap.wire;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the {@link RequestReader} puts literals too large to keep in memory, i.e. message data of
 * APPEND above {@link ReaderLimits#maxStringLiteralOctets()}. The reader asks only after it has
 * checked the announced size against its limits, so an implementation may trust {@code size}.
 * The default, {@link #MEMORY}, keeps everything in memory: a command may then hold up to
 * {@link ReaderLimits#maxLiterals()} times {@link ReaderLimits#maxLiteralOctets()}. The session
 * layer is expected to pass a spool writing to a temporary file instead; that happens off the I/O
 * threads (STYLE.md §3), which is why this interface may block and throw.
 */
@FunctionalInterface
public interface LiteralSpool {

    /** Opens a sink for exactly {@code size} octets. */
    Sink open(long size) throws IOException;

    /** Receives one literal's octets in order. */
    interface Sink {
        /** Consumes all remaining octets of {@code octets}. */
        void write(ByteBuffer octets) throws IOException;

        /** Called once after the last octet. */
        Literal.Data finish() throws IOException;

        /** Called instead of {@link #finish()} when the command is abandoned. Must not throw. */
        void discard();
    }

    /** Keeps literals in a byte array. */
    LiteralSpool MEMORY = size -> {
        if (size > Integer.MAX_VALUE - 8) throw new IOException("literal too large for memory: " + size);
        return new Sink() {
            private final byte[] octets = new byte[(int) size];
            private int filled;

            @Override
            public void write(ByteBuffer src) {
                int n = src.remaining();
                src.get(octets, filled, n);
                filled += n;
            }

            @Override
            public Literal.Data finish() {
                return new Literal.InMemory(octets);
            }

            @Override
            public void discard() {
                // nothing to free: the array is garbage once the reader drops the sink
            }
        };
    };
}
