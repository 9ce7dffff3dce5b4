package io.tenmail.smtp.mailets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The message as final delivery stores it: RFC 5321 §4.4, a {@code Return-Path:} line with the
 * envelope sender at the very top, and any Return-Path fields the message already carried removed
 * (only the final delivery may write one, so those were forged or left by a relay). Reads only
 * the header section into memory; the body streams through.
 */
final class ReturnPathStamp {

    private ReturnPathStamp() {
    }

    /** {@code sender} is the reverse path without brackets, empty for the null sender. */
    static InputStream stamp(String sender, InputStream message) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(("Return-Path: <" + sender + ">\r\n").getBytes(StandardCharsets.UTF_8));
        boolean dropping = false;
        while (true) {
            byte[] line = readLine(message);
            if (line.length == 0) break;   // end of input
            boolean blank = line.length <= 2 && (line[0] == '\r' || line[0] == '\n');
            if (blank) {
                head.write(line);
                break;
            }
            boolean continuation = line[0] == ' ' || line[0] == '\t';
            if (!continuation) dropping = startsWithReturnPath(line);
            if (!dropping) head.write(line);
        }
        return new SequenceInputStream(new java.io.ByteArrayInputStream(head.toByteArray()), message);
    }

    private static boolean startsWithReturnPath(byte[] line) {
        String start = new String(line, 0, Math.min(line.length, 12), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.startsWith("return-path:") || start.startsWith("return-path ");
    }

    /** One line including its line ending; empty at the end of input. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') break;
        }
        return line.toByteArray();
    }
}
