package io.tenmail.smtp.remote;

import io.tenmail.smtp.wire.EnhancedStatusCode;

import java.util.List;
import java.util.Optional;

/**
 * A reply from the server we deliver to (RFC 5321 §4.2): a three-digit code and its text lines.
 * Lenient where the server's {@code wire.Reply} is strict, because other servers' replies are
 * input, not output.
 *
 * @param code  100-599
 * @param lines the text after the code and the separator, one per line, at least one (possibly empty)
 */
public record RemoteReply(int code, List<String> lines) {

    public RemoteReply {
        if (code < 100 || code > 599) throw new IllegalArgumentException("not an SMTP reply code: " + code);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("a reply has at least one line");
    }

    /** 2xx. */
    public boolean isPositive() {
        return code / 100 == 2;
    }

    /** 3xx: DATA input or a SASL challenge is expected. */
    public boolean isIntermediate() {
        return code / 100 == 3;
    }

    /** 5xx: do not repeat (RFC 5321 §4.2.1). */
    public boolean isPermanentFailure() {
        return code / 100 == 5;
    }

    /** The RFC 3463 status code the first line starts with, when it agrees with the reply code's class. */
    public Optional<EnhancedStatusCode> enhancedCode() {
        String first = lines.get(0);
        int space = first.indexOf(' ');
        String token = space < 0 ? first : first.substring(0, space);
        try {
            EnhancedStatusCode status = EnhancedStatusCode.parse(token);
            return status.codeClass() == code / 100 ? Optional.of(status) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The reply in one line, as a DSN's Diagnostic-Code and the logs show it:
     * {@code "550 5.1.1 <bob@example.com>: no such user"}; continuation lines are joined with a space.
     */
    public String oneLine() {
        StringBuilder out = new StringBuilder().append(code);
        String repeated = enhancedCode().map(c -> c + " ").orElse(null);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // RFC 2034 §4 repeats the enhanced code on every line; once is enough
            if (i > 0 && repeated != null && line.startsWith(repeated)) line = line.substring(repeated.length());
            if (!line.isEmpty()) out.append(' ').append(line);
        }
        return out.toString().replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
