package io.tenmail.smtp.spam;

import java.io.IOException;
import java.io.InputStream;

/**
 * Makes every line end CRLF, as Mime4j's {@code EOLConvertingInputStream} does for jDKIM (a CR
 * without LF gets one, an LF without CR gets one, CRLF stays), but a buffer at a time: Mime4j's
 * reads the stream below one octet at a time through a pushback stream, which cost DkimVerify as
 * much CPU as the RSA verification. {@code DkimMessageTest} holds both to the same octets. Not
 * thread-safe.
 */
final class CrlfLineEnds extends InputStream {
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean afterCr;     // the last octet given out was a CR: an LF must follow
    private boolean owedLf;      // an LF to give out before anything else
    private boolean ended;

    CrlfLineEnds(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        int out = off;
        int end = off + len;
        while (out < end) {
            if (owedLf) {
                b[out++] = LF;
                owedLf = false;
                continue;
            }
            if (position == limit && !fill()) {
                if (afterCr) {   // a CR at the very end still gets its LF
                    afterCr = false;
                    owedLf = true;
                    continue;
                }
                break;
            }
            if (!afterCr) {
                // the octets up to the next CR or LF go out unchanged, a run at a time
                int run = position;
                int most = Math.min(limit, position + (end - out));
                while (run < most && buffer[run] != CR && buffer[run] != LF) run++;
                if (run > position) {
                    System.arraycopy(buffer, position, b, out, run - position);
                    out += run - position;
                    position = run;
                    continue;
                }
            }
            int c = buffer[position] & 0xff;
            if (afterCr) {
                afterCr = false;
                if (c != LF) {
                    owedLf = true;   // the CR's LF first; c is read next time round
                    continue;
                }
                b[out++] = LF;
                position++;
            } else if (c == CR) {
                b[out++] = CR;
                afterCr = true;
                position++;
            } else if (c == LF) {
                b[out++] = CR;   // a bare LF: CR now, the LF after it
                owedLf = true;
                position++;
            } else {
                b[out++] = (byte) c;
                position++;
            }
        }
        int n = out - off;
        return n == 0 ? -1 : n;
    }

    private boolean fill() throws IOException {
        if (ended) return false;
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            if (n < 0) ended = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
