package io.tenmail.storage.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines, tracking exact offsets, with one line of push-back. A line ends
 * with LF (CRLF or a bare LF); a bare CR is content. Memory is bounded: at most {@link #MAX_KEPT}
 * bytes of a line are kept, however long it is. Not thread-safe.
 */
final class LineReader {
    /** Bytes of a line kept for header parsing and boundary matching. */
    static final int MAX_KEPT = 16 * 1024;
    private static final byte[] NOTHING = new byte[0];

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] scratch = new byte[MAX_KEPT + 1];
    private int pos;
    private int limit;
    private long offset;
    private long nextIndex;
    private long lastStart = -1;
    private int lastTerminator;
    private boolean eof;
    private Line pushedBack;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Offset of the next unread byte (the start of a pushed-back line). */
    long position() {
        return pushedBack != null ? pushedBack.start() : offset;
    }

    /** Index the next line returned will have. */
    long nextLineIndex() {
        return pushedBack != null ? pushedBack.index() : nextIndex;
    }

    /** The pushed-back line, or null when nothing was pushed back (then the stream is at its end). */
    Line pushedBack() {
        return pushedBack;
    }

    void pushBack(Line line) {
        if (pushedBack != null) throw new IllegalStateException("one line of push-back only");
        pushedBack = line;
    }

    /**
     * The next line, or null at the end of the stream. Its content is kept when {@code keepContent}
     * is set, or when it starts with '-' (it may be a MIME boundary).
     */
    Line next(boolean keepContent) throws IOException {
        if (pushedBack != null) {
            Line line = pushedBack;
            pushedBack = null;
            return line;
        }
        long start = offset;
        long length = 0;
        int kept = 0;
        boolean keep = keepContent;
        boolean decided = keepContent;
        int lastByte = -1;
        int terminator;
        while (true) {
            if (pos == limit && !fill()) {
                if (length == 0) return null;
                terminator = 0;
                break;
            }
            int lf = pos;
            while (lf < limit && buffer[lf] != '\n') lf++;
            int chunk = lf - pos;
            if (chunk > 0) {
                if (!decided) {
                    keep = buffer[pos] == '-';
                    decided = true;
                }
                if (keep && kept < scratch.length) {
                    int n = Math.min(chunk, scratch.length - kept);
                    System.arraycopy(buffer, pos, scratch, kept, n);
                    kept += n;
                }
                lastByte = buffer[lf - 1];
            }
            length += chunk;
            offset += chunk;
            pos = lf;
            if (lf < limit) {
                pos++;
                offset++;
                length++;
                terminator = lastByte == '\r' ? 2 : 1;
                break;
            }
        }
        long contentLength = length - terminator;
        byte[] content = kept == 0 ? NOTHING : Arrays.copyOf(scratch, (int) Math.min(Math.min(kept, contentLength), MAX_KEPT));
        Line line = new Line(nextIndex++, start, length, terminator, content, lastStart, lastTerminator);
        lastStart = start;
        lastTerminator = terminator;
        return line;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
