package io.tenmail.imap.transport;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * COMPRESS=DEFLATE (RFC 4978): raw DEFLATE (RFC 1951, no zlib header) in both directions, placed
 * right after TLS so that TLS carries compressed bytes. Each write is deflated and ended with a
 * sync flush (RFC 4978 §4: the client must be able to decode every response at once). Input is
 * inflated in chunks of at most {@value #CHUNK} bytes; one read may inflate to at most
 * {@code maxInflatedPerRead} bytes, beyond which the connection is closed: a few compressed bytes
 * must not make a connection hold unbounded memory (RFC 4978 §6, "decompression bombs").
 *
 * <p>Threading: writes come from the connection's ordered executor and reads from its I/O
 * thread, each direction with its own (de)compressor; both are guarded, and released when the
 * filter leaves the chain or the session closes.
 */
final class DeflateFilter extends IoFilterAdapter {
    private static final Logger log = LoggerFactory.getLogger(DeflateFilter.class);
    static final String NAME = "deflate";
    static final int CHUNK = 16 * 1024;

    private final int maxInflatedPerRead;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final byte[] inflated = new byte[CHUNK];
    private boolean ended;

    DeflateFilter(int maxInflatedPerRead) {
        this.maxInflatedPerRead = maxInflatedPerRead;
    }

    /** A write that passes uncompressed: the tagged OK of COMPRESS (RFC 4978 §3). */
    static final class UncompressedWrite extends DefaultWriteRequest {
        UncompressedWrite(IoBuffer message) {
            super(message);
        }
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!(message instanceof IoBuffer in)) {
            next.messageReceived(session, message);
            return;
        }
        byte[] input = new byte[in.remaining()];
        in.get(input);
        long total = 0;
        synchronized (inflater) {
            if (ended) return;
            inflater.setInput(input);
            while (true) {
                int n;
                try {
                    n = inflater.inflate(inflated);
                } catch (DataFormatException e) {
                    log.info("closing connection: invalid DEFLATE data from the client ({})", e.getMessage());
                    session.closeNow();
                    return;
                }
                if (n > 0) {
                    total += n;
                    if (total > maxInflatedPerRead) {
                        log.info("closing connection: {} compressed bytes inflate to more than {} bytes", input.length, maxInflatedPerRead);
                        session.closeNow();
                        return;
                    }
                    next.messageReceived(session, IoBuffer.wrap(Arrays.copyOf(inflated, n)));
                    continue;
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    // RFC 4978 §3: compression lasts as long as the connection; a final block ends nothing
                    log.info("closing connection: the client ended its DEFLATE stream");
                    session.closeNow();
                    return;
                }
                if (inflater.needsInput()) return;
            }
        }
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        if (request instanceof UncompressedWrite || !(request.getMessage() instanceof IoBuffer buffer) || !buffer.hasRemaining()) {
            next.filterWrite(session, request);
            return;
        }
        byte[] input = new byte[buffer.remaining()];
        buffer.get(input);
        IoBuffer out = IoBuffer.allocate(input.length / 2 + 64).setAutoExpand(true);
        synchronized (deflater) {
            if (ended) return;
            deflater.setInput(input);
            byte[] chunk = new byte[Math.max(512, Math.min(CHUNK, input.length + 64))];
            int n;
            // SYNC_FLUSH until the deflater stops filling the whole chunk: all input is then out
            do {
                n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                out.put(chunk, 0, n);
            } while (n == chunk.length);
        }
        out.flip();
        request.setMessage(out);
        next.filterWrite(session, request);
    }

    @Override
    public void onPostRemove(IoFilterChain parent, String name, NextFilter next) {
        end();
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        end();
        next.sessionClosed(session);
    }

    private void end() {
        synchronized (inflater) {
            synchronized (deflater) {
                if (ended) return;
                ended = true;
                deflater.end();
                inflater.end();
            }
        }
    }
}
