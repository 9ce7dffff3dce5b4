package io.tenmail.smtp.it;

import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** STARTTLS (RFC 3207) and implicit TLS over real sockets with the JDK's TLS client. */
@ExtendWith(MailSystem.Extension.class)
class StartTlsIT {

    @Test
    void startTlsUpgradesTheConnectionAndOffersAuthAfterwards(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.SUBMISSION))) {
            List<String> before = c.hello();
            assertThat(before).contains("250-STARTTLS").noneMatch(l -> l.contains("AUTH"));
            List<String> after = c.secure();
            assertThat(c.isTls()).isTrue();
            assertThat(after).contains("250-AUTH PLAIN LOGIN").noneMatch(l -> l.contains("STARTTLS"));
        }
    }

    @Test
    void commandsInjectedBehindStartTlsAreNeverExecuted(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            c.hello();
            // CVE-2011-0411: the injected commands travel in clear text in the same packet
            c.sendRaw("STARTTLS\r\nMAIL FROM:<evil@attacker.test>\r\nRCPT TO:<alice@example.test>\r\n");
            assertThat(c.reply()).startsWith("220 2.0.0");
            c.startTls();
            c.send("EHLO client.example.test");
            assertThat(c.readReplyLines().get(0)).startsWith("250-mx.example.test");
            // had the injected MAIL run, this RCPT would be accepted
            assertThat(c.cmd("RCPT TO:<alice@example.test>")).startsWith("503 5.5.1");
        }
        assertThat(mail.queued()).isEmpty();
    }

    @Test
    void clearTextSentAfterStartTlsButBeforeTheHandshakeBreaksTheHandshakeNotTheServer(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            c.hello();
            assertThat(c.cmd("STARTTLS")).startsWith("220 2.0.0");
            c.sendRaw("MAIL FROM:<evil@attacker.test>\r\n");
            // Depending on timing the bytes either reach the TLS engine (handshake fails, the
            // server closes) or are discarded as pipelined after STARTTLS (the server waits for a
            // ClientHello). Either way they are never answered as a command.
            assertThat(c.receivedUntilClosedOrQuiet()).doesNotContain("250");
        }
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            assertThat(c.hello().get(0)).startsWith("250-");
        }
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByte(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connectTls(mail.port(ListenerRole.SMTPS))) {
            List<String> ehlo = c.hello();
            assertThat(ehlo).contains("250-AUTH PLAIN LOGIN").noneMatch(l -> l.contains("STARTTLS"));
            assertThat(c.cmd("STARTTLS")).startsWith("503 5.5.1");
            assertThat(c.login("alice@example.test", "alice-pw")).startsWith("235 2.7.0");
            c.cmd("MAIL FROM:<alice@example.test>");
            c.cmd("RCPT TO:<friend@elsewhere.test>");
            c.cmd("DATA");
            assertThat(c.cmd("Subject: over smtps\r\n\r\n.")).startsWith("250 2.0.0");
        }
        assertThat(mail.content(mail.queued().get(0))).contains("with ESMTPSA", "(using TLSv1.3 with cipher ");
    }

    @Test
    void aClearTextClientOnSmtpsIsDisconnected(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.SMTPS))) {
            c.sendRaw("EHLO client.example.test\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
