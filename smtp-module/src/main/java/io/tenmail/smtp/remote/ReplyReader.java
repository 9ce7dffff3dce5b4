package io.tenmail.smtp.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 §4.2: {@code code "-" text CRLF} continuation lines, then
 * {@code code SP text CRLF}) from a server's input. Tolerates a bare LF line end and a code with
 * no text; caps line length and line count, so a hostile server cannot exhaust memory. Not
 * thread-safe; one per connection.
 */
final class ReplyReader {
    /** RFC 5321 §4.5.3.1.5 says 512; real servers send longer lines (e.g. long policy URLs). */
    static final int MAX_LINE_OCTETS = 4096;
    static final int MAX_LINES = 200;

    private final InputStream in;

    ReplyReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one whole reply.
     *
     * @throws MalformedReplyException when the server does not speak SMTP, or mixes codes
     * @throws java.io.EOFException    when the server closes the connection
     */
    RemoteReply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !isCode(line)) throw new MalformedReplyException("not an SMTP reply: " + printable(line));
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && lineCode != code) throw new MalformedReplyException("reply codes differ within one reply: " + code + ", " + lineCode);
            code = lineCode;
            char sep = line.length() > 3 ? line.charAt(3) : ' ';
            if (sep != ' ' && sep != '-') throw new MalformedReplyException("not an SMTP reply: " + printable(line));
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (sep == ' ') return new RemoteReply(code, lines);
            if (lines.size() >= MAX_LINES) throw new MalformedReplyException("reply of more than " + MAX_LINES + " lines");
        }
    }

    private static boolean isCode(String line) {
        char a = line.charAt(0);
        return a >= '1' && a <= '5' && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2));
    }

    private String readLine() throws IOException {
        byte[] buf = new byte[256];
        int len = 0;
        while (true) {
            int b = in.read();
            if (b < 0) throw new java.io.EOFException("the server closed the connection");
            if (b == '\n') break;
            if (len == MAX_LINE_OCTETS) throw new MalformedReplyException("reply line longer than " + MAX_LINE_OCTETS + " octets");
            if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            buf[len++] = (byte) b;
        }
        if (len > 0 && buf[len - 1] == '\r') len--;
        // RFC 6531 §3.7.4: reply text may be UTF-8 once SMTPUTF8 is in use
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private static String printable(String line) {
        String cut = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return "\"" + cut.replaceAll("[\\x00-\\x1f\\x7f]", "?") + "\"";
    }

    /** The peer's output is not a well-formed SMTP reply. */
    static final class MalformedReplyException extends IOException {
        MalformedReplyException(String message) {
            super(message);
        }
    }
}
