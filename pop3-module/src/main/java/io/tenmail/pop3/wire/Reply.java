package io.tenmail.pop3.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A status line, RFC 1939 §3: {@code +OK text} or {@code -ERR text}, with an optional RFC 2449
 * response code: {@code -ERR [IN-USE] maildrop is locked}. The text is ours, never the client's
 * input, and is printable ASCII.
 */
public record Reply(boolean ok, Optional<ResponseCode> code, String text) implements Response {

    public Reply {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') throw new IllegalArgumentException("reply text must be printable ASCII: " + text);
        }
    }

    public static Reply ok(String text) {
        return new Reply(true, Optional.empty(), text);
    }

    public static Reply err(String text) {
        return new Reply(false, Optional.empty(), text);
    }

    public static Reply err(ResponseCode code, String text) {
        return new Reply(false, Optional.of(code), text);
    }

    /** The line as sent, without CRLF. */
    public String line() {
        StringBuilder sb = new StringBuilder(text.length() + 16).append(ok ? "+OK" : "-ERR");
        code.ifPresent(c -> sb.append(" [").append(c.text()).append(']'));
        if (!text.isEmpty()) sb.append(' ').append(text);
        return sb.toString();
    }

    /** The line with its CRLF, in US-ASCII. */
    public byte[] bytes() {
        return (line() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return line();
    }
}
