package io.tenmail.smtp.it;

import io.tenmail.smtp.SmtpServer;
import io.tenmail.smtp.policy.RateLimitSettings;
import io.tenmail.smtp.policy.RateLimits;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.storage.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-address and per-account rate limits on real SMTP sessions, with a clock the test moves. */
@ExtendWith(MailSystem.Extension.class)
class RateLimitsIT {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:30Z"));

    /** A server with these limits; loopback is not exempt, since the tests connect from it. */
    private SmtpServer start(MailSystem mail, RateLimitSettings limits) throws Exception {
        SmtpServer server = new SmtpServer(mail.defaults().build(), mail.tls, mail.directory, Optional.empty(), mail.queue, mail.blobs,
                mail.throttle, Clock.systemUTC(), () -> { }, new RateLimits(limits, clock));
        server.start();
        return server;
    }

    @Test
    void anMxClientOpeningTooManyConnectionsAMinuteGets421UntilTheNextMinute(MailSystem mail) throws Exception {
        try (SmtpServer server = start(mail, new RateLimitSettings(2, 0, 0, 0, 0, 0, List.of(), 100))) {
            int port = MailSystem.port(server, ListenerRole.MX);
            for (int i = 0; i < 2; i++) {
                try (SmtpClient c = SmtpClient.connect(port)) {
                    assertThat(c.reply()).startsWith("220");
                }
            }
            try (SmtpClient c = SmtpClient.connect(port)) {
                assertThat(c.reply()).startsWith("421 4.7.1");
                assertThat(c.closedByServer()).isTrue();
            }
            clock.advance(Duration.ofMinutes(1));
            try (SmtpClient c = SmtpClient.connect(port)) {
                assertThat(c.reply()).startsWith("220");
            }
        }
    }

    @Test
    void anMxClientSendingTooManyMessagesAMinuteGets451AtMail(MailSystem mail) throws Exception {
        try (SmtpServer server = start(mail, new RateLimitSettings(0, 2, 0, 0, 0, 0, List.of(), 100));
             SmtpClient c = SmtpClient.connect(MailSystem.port(server, ListenerRole.MX))) {
            c.hello();
            for (int i = 0; i < 2; i++) {
                assertThat(c.cmd("MAIL FROM:<a@sender.test>")).startsWith("250");
                assertThat(c.cmd("RSET")).startsWith("250");
            }
            assertThat(c.cmd("MAIL FROM:<a@sender.test>")).startsWith("451 4.7.1");
            clock.advance(Duration.ofMinutes(1));
            assertThat(c.cmd("MAIL FROM:<a@sender.test>")).startsWith("250");
        }
    }

    @Test
    void aLoggedInAccountPastItsHourlyRecipientsGets451AndPastItsDailyMessages550(MailSystem mail) throws Exception {
        try (SmtpServer server = start(mail, new RateLimitSettings(0, 0, 0, 2, 3, 0, List.of(), 100));
             SmtpClient c = SmtpClient.connect(MailSystem.port(server, ListenerRole.SUBMISSION))) {
            c.hello();
            c.secure();
            assertThat(c.login("alice@example.test", "alice-pw")).startsWith("235");
            assertThat(c.cmd("MAIL FROM:<alice@example.test>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<someone@remote.test>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<other@remote.test>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<third@remote.test>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<fourth@remote.test>")).startsWith("451 4.7.1");
            c.cmd("RSET");
            clock.advance(Duration.ofHours(1));
            assertThat(c.cmd("MAIL FROM:<alice@example.test>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<fourth@remote.test>")).startsWith("250");
            c.cmd("RSET");
            assertThat(c.cmd("MAIL FROM:<alice@example.test>")).startsWith("550 5.7.1");
        }
    }
}
