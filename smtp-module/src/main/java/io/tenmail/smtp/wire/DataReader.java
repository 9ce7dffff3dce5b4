package io.tenmail.smtp.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Incremental decoder of the DATA phase (RFC 5321 §4.1.1.4, §4.5.2), fed arbitrary chunks of the
 * byte stream that follows the 354 reply. It removes dot-stuffing, streams the message to a sink
 * without holding it in memory, enforces a size limit, and stops exactly after the end-of-data
 * marker, so the rest of the chunk is the next pipelined command.
 *
 * <h2>Only {@code <CRLF>.<CRLF>} ends the data</h2>
 *
 * SMTP smuggling (SEC Consult, December 2023; CVE-2023-51764/51765/51766) works when a sending
 * server passes a sequence such as {@code <LF>.<LF>} through unchanged and the receiving server
 * takes it as the end of the data: the rest of the "message" then runs as commands, for example a
 * second MAIL FROM with a spoofed sender that passes SPF. Here a line starts only after CRLF, so
 * {@code <LF>.<LF>}, {@code <LF>.<CRLF>}, {@code <CR>.<CR>}, {@code <CRLF>.<LF>} and {@code
 * <CRLF>.<CR>x} never end the data. The data is assumed to start at the beginning of a line (after
 * the CRLF of the DATA command), so {@code .<CRLF>} at once is an empty message.
 *
 * <h2>Bare CR and LF</h2>
 *
 * RFC 5321 §2.3.8 forbids CR and LF other than as CRLF. A bare one is counted and handled by
 * {@link BareLineEndings}, in the spirit of Postfix's {@code smtpd_forbid_bare_newline}:
 * <ul>
 *   <li>{@link BareLineEndings#REJECT} (what an MX should use): reading continues to the real end
 *       of data, nothing more is stored, and the outcome is {@link DataResult.Outcome#BARE_LINE_ENDING},
 *       answered with 554 5.6.0 after the end, so the connection stays in sync.
 *   <li>{@link BareLineEndings#NORMALIZE} (for known-broken internal senders): each bare CR or LF
 *       is stored as CRLF, so the stored message contains only CRLF line endings and cannot carry
 *       a smuggling sequence onward. It still does not start a new line on the wire: a dot after
 *       it is content, neither end of data nor stuffing.
 * </ul>
 *
 * <h2>Dot-unstuffing</h2>
 *
 * RFC 5321 §4.5.2: a line (between CRLFs) that starts with a period and has other characters
 * loses that period; a line that is just a period ends the data.
 *
 * <h2>Size</h2>
 *
 * Octets are counted as stored (unstuffed, with CRLFs, without the final {@code .CRLF}, as RFC 1870
 * counts). Past the limit nothing more is written, but the reader keeps consuming to the end
 * marker and reports {@link DataResult.Outcome#TOO_BIG}. A sink that throws is reported the same
 * way ({@link DataResult.Outcome#SINK_FAILED}); the sink is flushed at the end, never closed.
 *
 * <p>Not thread-safe: one reader per message, used by one connection's ordered executor.
 */
public final class DataReader {

    /** What to do with a CR or LF that is not part of a CRLF pair. */
    public enum BareLineEndings { REJECT, NORMALIZE }

    private enum State {
        /** At the start of a line: after CRLF, or at the start of the data. */
        LINE_START,
        /** A period at the start of a line, not yet written. */
        DOT,
        /** Period and CR at the start of a line: LF now ends the data. */
        DOT_CR,
        /** Inside a line. */
        TEXT,
        /** A CR inside a line, not yet written. */
        CR,
        /** The end-of-data marker has been consumed. */
        DONE
    }

    private static final int BUFFER_SIZE = 8192;

    private final OutputStream sink;
    private final long maxMessageOctets;
    private final BareLineEndings bareLineEndings;
    private final byte[] out = new byte[BUFFER_SIZE];
    private int outLength;
    private State state = State.LINE_START;
    private long octets;
    private boolean eightBit;
    private long bareCount;
    private boolean tooBig;
    private IOException failure;

    /**
     * @param sink receives the unstuffed message; flushed at the end, not closed
     * @param maxMessageOctets the largest message accepted ({@link Long#MAX_VALUE}: no limit)
     * @param bareLineEndings what to do with bare CR and LF
     */
    public DataReader(OutputStream sink, long maxMessageOctets, BareLineEndings bareLineEndings) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (maxMessageOctets <= 0) throw new IllegalArgumentException("maxMessageOctets must be positive");
        this.maxMessageOctets = maxMessageOctets;
        this.bareLineEndings = Objects.requireNonNull(bareLineEndings, "bareLineEndings");
    }

    /**
     * Consumes bytes from {@code in} up to and including the end-of-data marker. Returns true when
     * the marker has been consumed; {@code in}'s position is then just after it.
     */
    public boolean feed(ByteBuffer in) {
        if (in.hasArray()) {
            int used = feed(in.array(), in.arrayOffset() + in.position(), in.remaining());
            in.position(in.position() + used);
        } else {
            byte[] chunk = new byte[Math.min(in.remaining(), BUFFER_SIZE)];
            while (in.hasRemaining() && state != State.DONE) {
                int n = Math.min(in.remaining(), chunk.length);
                in.get(chunk, 0, n);
                int used = feed(chunk, 0, n);
                in.position(in.position() - (n - used));
            }
        }
        return state == State.DONE;
    }

    /**
     * Consumes bytes from {@code b[off..off+len)} up to and including the end-of-data marker and
     * returns how many were consumed: {@code len} unless the marker was found earlier, in which
     * case the remaining bytes belong to the next command.
     */
    public int feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (state == State.DONE) throw new IllegalStateException("end of data already reached");
        int i = off;
        int end = off + len;
        while (i < end) {
            step(b[i++]);
            if (state == State.DONE) {
                finish();
                break;
            }
        }
        return i - off;
    }

    /** True once the end-of-data marker has been consumed. */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /** The outcome; only after {@link #isComplete()}. */
    public DataResult result() {
        if (state != State.DONE) throw new IllegalStateException("end of data not reached yet");
        DataResult.Outcome outcome;
        if (tooBig) outcome = DataResult.Outcome.TOO_BIG;
        else if (bareCount > 0 && bareLineEndings == BareLineEndings.REJECT) outcome = DataResult.Outcome.BARE_LINE_ENDING;
        else if (failure != null) outcome = DataResult.Outcome.SINK_FAILED;
        else outcome = DataResult.Outcome.OK;
        return new DataResult(outcome, octets, eightBit, bareCount, Optional.ofNullable(failure));
    }

    private void step(byte b) {
        switch (state) {
            case LINE_START -> {
                if (b == '.') state = State.DOT;
                else if (b == '\r') state = State.CR;
                else text(b);
            }
            case DOT -> {
                if (b == '\r') {
                    state = State.DOT_CR;
                } else {
                    // the line has more than the period: it was stuffing, drop it (§4.5.2)
                    state = State.TEXT;
                    text(b);
                }
            }
            case DOT_CR -> {
                if (b == '\n') {
                    state = State.DONE;
                } else {
                    // ".<CR>x": the period was stuffing and the CR is bare
                    bare((byte) '\r');
                    state = State.TEXT;
                    text(b);
                }
            }
            case TEXT -> text(b);
            case CR -> {
                if (b == '\n') {
                    emit((byte) '\r');
                    emit((byte) '\n');
                    state = State.LINE_START;
                } else {
                    bare((byte) '\r');
                    state = State.TEXT;
                    text(b);
                }
            }
            case DONE -> throw new IllegalStateException("end of data already reached");
        }
    }

    /** A byte inside a line (state becomes TEXT or CR). */
    private void text(byte b) {
        if (b == '\r') {
            state = State.CR;
        } else if (b == '\n') {
            bare(b); // never a line start: see the class comment
            state = State.TEXT;
        } else {
            emit(b);
            state = State.TEXT;
        }
    }

    private void bare(byte b) {
        bareCount++;
        if (bareLineEndings == BareLineEndings.NORMALIZE) {
            emit((byte) '\r');
            emit((byte) '\n');
        } else {
            emit(b); // counted; not stored, since the message will be refused
        }
    }

    private void emit(byte b) {
        octets++;
        if (b < 0) eightBit = true;
        if (octets > maxMessageOctets && !tooBig) {
            tooBig = true;
            outLength = 0; // the message is refused; no point writing the rest of its start
        }
        if (!storing()) return;
        out[outLength++] = b;
        if (outLength == out.length) flush();
    }

    private boolean storing() {
        return !tooBig && failure == null && !(bareCount > 0 && bareLineEndings == BareLineEndings.REJECT);
    }

    private void flush() {
        if (outLength == 0) return;
        if (storing()) {
            try {
                sink.write(out, 0, outLength);
            } catch (IOException e) {
                failure = e;
            }
        }
        outLength = 0;
    }

    private void finish() {
        flush();
        if (storing()) {
            try {
                sink.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }
}
