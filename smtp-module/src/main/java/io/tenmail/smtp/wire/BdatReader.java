package io.tenmail.smtp.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the chunks of one message sent with BDAT (RFC 3030 §2): after each {@code BDAT n [LAST]}
 * command line exactly {@code n} octets follow, taken as they are (no dot-stuffing, no line
 * endings to inspect, so no smuggling). The octets stream to the sink; past the size limit they
 * are still consumed, so the session stays in sync, but no longer stored.
 *
 * <p>Use: {@link #beginChunk} after each BDAT line, then {@link #feed} until it returns true; the
 * rest of the buffer is the next command. After the LAST chunk, {@link #result()}.
 *
 * <p>Not thread-safe: one reader per message.
 */
public final class BdatReader {

    private final OutputStream sink;
    private final long maxMessageOctets;
    private long remaining;
    private boolean inChunk;
    private boolean lastSeen;
    private long octets;
    private boolean eightBit;
    private boolean tooBig;
    private IOException failure;

    /**
     * @param sink receives the message octets; flushed after the last chunk, not closed
     * @param maxMessageOctets the largest message accepted ({@link Long#MAX_VALUE}: no limit)
     */
    public BdatReader(OutputStream sink, long maxMessageOctets) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (maxMessageOctets <= 0) throw new IllegalArgumentException("maxMessageOctets must be positive");
        this.maxMessageOctets = maxMessageOctets;
    }

    /**
     * Starts reading the chunk a BDAT command announced. A chunk of size 0 is complete at once
     * (RFC 3030 §2 allows {@code BDAT 0 LAST}).
     */
    public void beginChunk(BdatChunk chunk) {
        if (inChunk) throw new IllegalStateException("the previous chunk is not complete");
        if (lastSeen) throw new IllegalStateException("the LAST chunk has been read");
        remaining = chunk.size();
        lastSeen = chunk.last();
        inChunk = remaining > 0;
        if (!inChunk && lastSeen) finish();
    }

    /** True if {@code size} more octets would take the message over the limit (RFC 3030 §2: 552 early). */
    public boolean wouldExceedLimit(long size) {
        return tooBig || size > maxMessageOctets - octets;
    }

    /**
     * Consumes up to the end of the current chunk; returns true when it is complete. {@code in}'s
     * position is then just after the chunk.
     */
    public boolean feed(ByteBuffer in) {
        if (!inChunk) throw new IllegalStateException("no chunk in progress");
        int n = (int) Math.min(in.remaining(), remaining);
        if (in.hasArray()) {
            consume(in.array(), in.arrayOffset() + in.position(), n);
            in.position(in.position() + n);
        } else {
            byte[] copy = new byte[n];
            in.get(copy);
            consume(copy, 0, n);
        }
        return !inChunk;
    }

    /** Consumes up to the end of the current chunk and returns how many octets were taken. */
    public int feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (!inChunk) throw new IllegalStateException("no chunk in progress");
        int n = (int) Math.min(len, remaining);
        consume(b, off, n);
        return n;
    }

    /** True when no chunk is in progress: the next input is a command line. */
    public boolean isChunkComplete() {
        return !inChunk;
    }

    /** True once the LAST chunk has been read completely. */
    public boolean isMessageComplete() {
        return lastSeen && !inChunk;
    }

    /** The message so far; call between chunks (e.g. to refuse early) or after the LAST one. */
    public DataResult result() {
        if (inChunk) throw new IllegalStateException("a chunk is in progress");
        DataResult.Outcome outcome = tooBig ? DataResult.Outcome.TOO_BIG
                : failure != null ? DataResult.Outcome.SINK_FAILED
                : DataResult.Outcome.OK;
        return new DataResult(outcome, octets, eightBit, 0, Optional.ofNullable(failure));
    }

    private void consume(byte[] b, int off, int n) {
        for (int i = off; i < off + n && !eightBit; i++) {
            if (b[i] < 0) eightBit = true;
        }
        octets += n;
        remaining -= n;
        if (!tooBig && octets > maxMessageOctets) tooBig = true;
        if (!tooBig && failure == null && n > 0) {
            try {
                sink.write(b, off, n);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (remaining == 0) {
            inChunk = false;
            if (lastSeen) finish();
        }
    }

    private void finish() {
        if (tooBig || failure != null) return;
        try {
            sink.flush();
        } catch (IOException e) {
            failure = e;
        }
    }
}
