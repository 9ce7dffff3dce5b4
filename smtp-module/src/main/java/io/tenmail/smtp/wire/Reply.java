package io.tenmail.smtp.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMTP reply: a three-digit code, an optional enhanced status code (RFC 2034, RFC 3463) and
 * one or more lines of text. {@link #render()} produces the wire form, with the enhanced code
 * repeated on every line of a multi-line reply (RFC 2034 §4):
 *
 * <pre>
 * 250-mx.example.test
 * 250-PIPELINING
 * 250 ENHANCEDSTATUSCODES
 * </pre>
 *
 * <p>Replies are immutable; the server's replies are defined once in {@link Replies}.
 *
 * @param code RFC 5321 §4.2 reply code, {@code %x32-35 %x30-35 %x30-39}
 * @param enhancedCode its class must agree with the code's first digit; absent on 3xx replies,
 *     the greeting and the HELO/EHLO response (RFC 2034 §4)
 * @param lines at least one; no CR, LF or other control characters except HT
 */
public record Reply(int code, Optional<EnhancedStatusCode> enhancedCode, List<String> lines) {

    /** RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets including the code and CRLF. */
    public static final int MAX_REPLY_LINE_OCTETS = 512;

    public Reply {
        Objects.requireNonNull(enhancedCode, "enhancedCode");
        lines = List.copyOf(lines);
        int first = code / 100;
        int second = (code / 10) % 10;
        if (code < 200 || code > 559 || second > 5) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
        if (enhancedCode.isPresent()) {
            if (first == 3) {
                throw new IllegalArgumentException("3xx replies carry no enhanced status code (RFC 2034 §4): " + code);
            }
            if (enhancedCode.get().codeClass() != first) {
                throw new IllegalArgumentException(
                        "enhanced status code " + enhancedCode.get() + " disagrees with reply code " + code);
            }
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("a reply has at least one line");
        int prefix = 4 + enhancedCode.map(e -> e.toString().length() + 1).orElse(0);
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw new IllegalArgumentException("control character in reply text: " + line);
                }
            }
            if (prefix + line.getBytes(StandardCharsets.UTF_8).length + 2 > MAX_REPLY_LINE_OCTETS) {
                throw new IllegalArgumentException("reply line longer than 512 octets: " + line);
            }
        }
    }

    /** A reply with an enhanced status code, e.g. {@code Reply.of(550, "5.1.1", "No such user")}. */
    public static Reply of(int code, String enhancedCode, String... lines) {
        return new Reply(code, Optional.of(EnhancedStatusCode.parse(enhancedCode)), List.of(lines));
    }

    /** A reply without an enhanced status code: 3xx, the greeting, the HELO/EHLO response. */
    public static Reply plain(int code, String... lines) {
        return new Reply(code, Optional.empty(), List.of(lines));
    }

    /** The same code and enhanced code with other text. */
    public Reply withText(String... newLines) {
        return new Reply(code, enhancedCode, List.of(newLines));
    }

    /** The wire form: every line prefixed with the code and ended by CRLF. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            String text = lines.get(i);
            if (enhancedCode.isPresent()) {
                out.append(enhancedCode.get());
                if (!text.isEmpty()) out.append(' ');
            }
            out.append(text).append("\r\n");
        }
        return out.toString();
    }

    /** {@link #render()} as UTF-8 octets (RFC 6531 §3.7.4 allows UTF-8 reply text). */
    public byte[] toBytes() {
        return render().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "550 5.1.1"} or {@code "354"}: what tests and log lines compare. */
    public String status() {
        return enhancedCode.map(e -> code + " " + e).orElse(String.valueOf(code));
    }

    /** 2xx. */
    public boolean isPositive() {
        return code < 300;
    }

    /** 3xx: the client is expected to send more (DATA input, a SASL response). */
    public boolean isIntermediate() {
        return code / 100 == 3;
    }

    /** 4xx: try again later. */
    public boolean isTransientFailure() {
        return code / 100 == 4;
    }

    /** 5xx: do not repeat the same command. */
    public boolean isPermanentFailure() {
        return code / 100 == 5;
    }

    @Override
    public String toString() {
        return render().replace("\r\n", "\\r\\n");
    }
}
