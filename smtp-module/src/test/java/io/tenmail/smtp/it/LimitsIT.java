package io.tenmail.smtp.it;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.smtp.SmtpServer;
import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every limit with its reply code, on real connections. */
@ExtendWith(MailSystem.Extension.class)
class LimitsIT {

    @Test
    void aMessageOverTheSizeLimitIsRefusedWhileStreamingAndTheConnectionGoesOn(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            assertThat(c.hello()).contains("250-SIZE 524288");
            assertThat(c.cmd("MAIL FROM:<a@sender.test> SIZE=600000")).startsWith("552 5.3.4");
            c.cmd("MAIL FROM:<a@sender.test>");
            c.cmd("RCPT TO:<alice@example.test>");
            c.cmd("DATA");
            String line = "x".repeat(998) + "\r\n";
            StringBuilder big = new StringBuilder("Subject: big\r\n\r\n");
            while (big.length() < 2 * 1024 * 1024) big.append(line);
            c.sendRaw(big + ".\r\n");
            assertThat(c.reply()).startsWith("552 5.3.4");
            assertThat(c.cmd("NOOP")).startsWith("250");
        }
        assertThat(mail.queued()).isEmpty();
    }

    @Test
    void recipientsPastTheLimitGet452AndTheMessageGoesToTheOthers(MailSystem mail) throws Exception {
        try (SmtpServer server = mail.start(b -> b.maxRecipients(3))) {
            try (SmtpClient c = SmtpClient.connect(MailSystem.port(server, ListenerRole.MX))) {
                c.hello();
                c.cmd("MAIL FROM:<a@sender.test>");
                assertThat(c.cmd("RCPT TO:<alice@example.test>")).startsWith("250 2.1.5");
                assertThat(c.cmd("RCPT TO:<bob@example.test>")).startsWith("250 2.1.5");
                assertThat(c.cmd("RCPT TO:<sales@example.test>")).startsWith("250 2.1.5");
                assertThat(c.cmd("RCPT TO:<all@example.test>")).startsWith("452 4.5.3");
                c.cmd("DATA");
                assertThat(c.cmd("Subject: three\r\n\r\n.")).startsWith("250 2.0.0");
            }
        }
        assertThat(mail.queued().get(0).mail().recipients()).hasSize(3);
    }

    @Test
    void connectionsPastThePerAddressLimitGet421(MailSystem mail) throws Exception {
        try (SmtpServer server = mail.start(b -> b.maxConnectionsPerAddress(2))) {
            int port = MailSystem.port(server, ListenerRole.MX);
            try (SmtpClient one = SmtpClient.connect(port); SmtpClient two = SmtpClient.connect(port)) {
                assertThat(one.reply()).startsWith("220");
                assertThat(two.reply()).startsWith("220");
                try (SmtpClient three = SmtpClient.connect(port)) {
                    assertThat(three.reply()).startsWith("421 4.7.0");
                    assertThat(three.closedByServer()).isTrue();
                }
                assertThat(one.cmd("QUIT")).startsWith("221");
                assertThat(one.closedByServer()).isTrue();
            }
            // the counts go down when connections end
            awaitAccepted(port);
        }
    }

    private static void awaitAccepted(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (SmtpClient c = SmtpClient.connect(port)) {
                if (c.reply().startsWith("220")) return;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("connections were not released");
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());   // poll, not spin: each try is a connection
        }
    }

    @Test
    void tooManyBadCommandsEndTheConnection(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            c.reply();
            for (int i = 1; i < 10; i++) assertThat(c.cmd("GET / HTTP/1.1")).startsWith("500 5.5.1");
            c.send("GET / HTTP/1.1");
            assertThat(c.reply()).startsWith("500 5.5.1");
            assertThat(c.reply()).startsWith("421 4.7.0");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void anOverlongLineIsRefusedWith500(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            c.hello();
            assertThat(c.cmd("MAIL FROM:<" + "a".repeat(2000) + "@sender.test>")).startsWith("500 5.5.2");
            assertThat(c.cmd("NOOP")).startsWith("250");
        }
    }

    @Test
    void anIdleClientGets421AndIsDisconnected(MailSystem mail) throws Exception {
        try (SmtpServer server = mail.start(b -> b.idleTimeout(Duration.ofSeconds(1)))) {
            try (SmtpClient c = SmtpClient.connect(MailSystem.port(server, ListenerRole.MX))) {
                c.hello();
                assertThat(c.reply()).startsWith("421 4.4.2");
                assertThat(c.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void tooManyCommandsEndTheConnection(MailSystem mail) throws Exception {
        try (SmtpServer server = mail.start(b -> b.maxCommandsPerConnection(20))) {
            try (SmtpClient c = SmtpClient.connect(MailSystem.port(server, ListenerRole.MX))) {
                c.reply();
                for (int i = 0; i < 20; i++) assertThat(c.cmd("NOOP")).startsWith("250");
                assertThat(c.cmd("NOOP")).startsWith("421 4.7.0");
                assertThat(c.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void repeatedFailedLoginsAreThrottled(MailSystem mail) throws Exception {
        LoginThrottle.Policy strict = new LoginThrottle.Policy(2, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
        try (SmtpServer server = mail.start(b -> { }, new LoginThrottle(strict, strict, 100, Clock.systemUTC()))) {
            try (SmtpClient c = SmtpClient.connect(MailSystem.port(server, ListenerRole.SUBMISSION))) {
                c.hello();
                c.secure();
                assertThat(c.login("bob@example.test", "guess-1")).startsWith("535 5.7.8");
                assertThat(c.login("bob@example.test", "guess-2")).startsWith("535 5.7.8");
                assertThat(c.login("bob@example.test", "guess-3")).startsWith("535 5.7.8");
                assertThat(c.login("bob@example.test", "bob-pw")).startsWith("454 4.7.0");
            }
        }
    }
}
