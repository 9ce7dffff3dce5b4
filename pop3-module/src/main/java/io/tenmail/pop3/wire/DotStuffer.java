package io.tenmail.pop3.wire;

import java.nio.ByteBuffer;

/**
 * Turns a stored message into the body of a RETR or TOP response, chunk by chunk, with constant
 * memory (RFC 1939 §3):
 * <ul>
 *   <li>a line that starts with {@code .} gets another {@code .} in front (byte-stuffing), so that
 *       only the terminating {@code CRLF.CRLF} can end the response;</li>
 *   <li>every line ends with CRLF: stored messages should already be CRLF, but a bare LF or CR
 *       (an IMAP APPEND of a Unix file) becomes CRLF, because a client that sees a lone LF
 *       followed by {@code .} could otherwise take it for the end;</li>
 *   <li>a last line without its line end gets one, so the terminator starts a line of its own;</li>
 *   <li>TOP (RFC 1939 §7): after the header and the empty line that ends it, only
 *       {@code bodyLines} lines of the body; then {@link #isDone()} and further input is ignored.
 *       A message without an empty line is all header and is sent whole.</li>
 * </ul>
 * The octet count in the status line is the stored size; RFC 1939 §11 notes that it may differ
 * from the number of octets sent. Not thread-safe; one instance per response.
 */
public final class DotStuffer {
    /** For RETR: the whole body. */
    public static final long ALL_LINES = Long.MAX_VALUE;
    /** The most octets {@link #finish} writes. */
    public static final int MAX_FINISH_OCTETS = 5;

    private final long bodyLines;
    private boolean lineStart = true;
    private boolean pendingCr;
    private boolean inHeader = true;
    private long bodyLinesSent;
    private boolean done;

    /** @param bodyLines how many lines of the body to send, or {@link #ALL_LINES} */
    public DotStuffer(long bodyLines) {
        if (bodyLines < 0) throw new IllegalArgumentException("bodyLines must be >= 0");
        this.bodyLines = bodyLines;
    }

    /** The most octets {@link #encode} writes for {@code inputOctets} octets of input. */
    public static int maxEncodedLength(int inputOctets) {
        return 2 * inputOctets + 2;
    }

    /**
     * Encodes {@code length} octets of the message into {@code out}, which must have room for
     * {@link #maxEncodedLength(int) maxEncodedLength(length)} octets. Input after the TOP limit is
     * ignored.
     */
    public void encode(byte[] input, int offset, int length, ByteBuffer out) {
        int end = offset + length;
        int i = offset;
        while (i < end && !done) {
            byte b = input[i];
            if (b == '\n') {
                pendingCr = false;
                endLine(out);
                i++;
            } else if (b == '\r') {
                if (pendingCr) endLine(out);   // CR CR: the first one was a line end of its own
                pendingCr = true;
                i++;
            } else {
                if (pendingCr) {
                    pendingCr = false;
                    endLine(out);
                    if (done) return;
                }
                if (lineStart && b == '.') out.put((byte) '.');
                // the rest of the line, up to its CR or LF, is copied as it is, in one piece
                int lineEnd = i + 1;
                while (lineEnd < end && input[lineEnd] != '\r' && input[lineEnd] != '\n') lineEnd++;
                out.put(input, i, lineEnd - i);
                lineStart = false;
                i = lineEnd;
            }
        }
    }

    /** Whether TOP's limit has been reached: the caller may stop reading the message. */
    public boolean isDone() {
        return done;
    }

    /** Ends the last line if the message did not, and writes the terminating {@code .CRLF}. */
    public void finish(ByteBuffer out) {
        if (pendingCr && !done) {
            pendingCr = false;
            endLine(out);
        }
        if (!lineStart) crlf(out);
        lineStart = true;
        done = true;
        out.put((byte) '.');
        crlf(out);
    }

    private void endLine(ByteBuffer out) {
        crlf(out);
        if (inHeader) {
            if (lineStart) {                   // the empty line that ends the header
                inHeader = false;
                if (bodyLines == 0) done = true;
            }
        } else if (++bodyLinesSent >= bodyLines) {
            done = true;
        }
        lineStart = true;
    }

    private static void crlf(ByteBuffer out) {
        out.put((byte) '\r');
        out.put((byte) '\n');
    }
}
