package io.tenmail.smtp.remote;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns message octets into SMTP DATA content (RFC 5321 §4.5.2): a line starting with "." gets a
 * second one, and every line ends in CRLF (a bare CR or LF becomes CRLF, because only CRLF ends a
 * line on the wire and a bare one invites smuggling, RFC 5321 §2.3.8). {@link #finish()} ends the
 * last line if needed and writes the terminating {@code .CRLF}; it does not close the target.
 */
final class DotStuffingOutputStream extends FilterOutputStream {
    private boolean atLineStart = true;
    private boolean lastWasCr;

    DotStuffingOutputStream(OutputStream target) {
        super(target);
    }

    @Override
    public void write(int b) throws IOException {
        if (lastWasCr) {
            lastWasCr = false;
            if (b == '\n') return; // the LF of a CRLF already written
        }
        if (b == '\r' || b == '\n') {
            out.write('\r');
            out.write('\n');
            atLineStart = true;
            lastWasCr = b == '\r';
            return;
        }
        if (atLineStart && b == '.') out.write('.');
        out.write(b);
        atLineStart = false;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // copy runs without CR, LF or a line-initial dot in one call
        int end = off + len;
        int run = off;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            boolean special = c == '\r' || c == '\n' || lastWasCr || (atLineStart && c == '.');
            if (!special) {
                atLineStart = false;
                continue;
            }
            if (i > run) out.write(b, run, i - run);
            write(c);
            run = i + 1;
        }
        if (end > run) out.write(b, run, end - run);
    }

    /** Ends the content: CRLF if the last line is open, then {@code .CRLF}. */
    void finish() throws IOException {
        if (!atLineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write('.');
        out.write('\r');
        out.write('\n');
        atLineStart = true;
        lastWasCr = false;
    }

    @Override
    public void close() {
        // the socket stays open for the reply; finish() ends the data
    }
}
