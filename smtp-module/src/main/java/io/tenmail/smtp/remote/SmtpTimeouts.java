package io.tenmail.smtp.remote;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How long the client waits, per RFC 5321 §4.5.3.2 (whose values are the defaults).
 *
 * @param connect   TCP connection set-up (not in the RFC; Postfix uses 30 seconds)
 * @param command   the greeting and replies to EHLO, STARTTLS, AUTH, MAIL, RCPT, RSET, QUIT (§4.5.3.2.1-3: 5 minutes)
 * @param dataStart the reply to DATA (§4.5.3.2.4: 2 minutes)
 * @param dataBlock one write of message data (§4.5.3.2.5: 3 minutes)
 * @param dataEnd   the reply to the final dot (§4.5.3.2.6: 10 minutes)
 */
public record SmtpTimeouts(Duration connect, Duration command, Duration dataStart, Duration dataBlock, Duration dataEnd) {

    public static final SmtpTimeouts RFC_5321 = new SmtpTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(10));

    public SmtpTimeouts {
        for (Duration d : List.of(connect, command, dataStart, dataBlock, dataEnd)) {
            Objects.requireNonNull(d, "timeout");
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Every timeout the same (tests). */
    public static SmtpTimeouts all(Duration d) {
        return new SmtpTimeouts(d, d, d, d, d);
    }
}
