package io.tenmail.smtp.it;

import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP smuggling end to end (SEC Consult, December 2023; ADR 0005): a message whose body holds a
 * fake end of data followed by a second transaction with a spoofed sender. Whatever the fake end
 * looks like, the server must see one message (or refuse it), never two; only {@code <CRLF>.<CRLF>}
 * ends the data.
 */
@ExtendWith(MailSystem.Extension.class)
class SmugglingIT {

    private static final String SMUGGLED = "MAIL FROM:<ceo@bank.test>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n"
            + "From: ceo@bank.test\r\nSubject: smuggled\r\n\r\nTransfer the money.\r\n";

    @ParameterizedTest(name = "fake end of data {0}")
    @ValueSource(strings = {"\\n.\\n", "\\n.\\r\\n", "\\r.\\r", "\\r\\n.\\n", "\\r\\n.\\r", "\\r.\\r\\n", "\\r\\n\\x00.\\r\\n"})
    void aFakeEndOfDataNeverStartsASecondTransaction(String fakeEnd, MailSystem mail) throws Exception {
        String end = fakeEnd.replace("\\r", "\r").replace("\\n", "\n").replace("\\x00", "\0");
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            c.hello();
            c.cmd("MAIL FROM:<friend@sender.test>");
            c.cmd("RCPT TO:<alice@example.test>");
            assertThat(c.cmd("DATA")).startsWith("354");
            c.sendRaw("From: friend@sender.test\r\nSubject: hello\r\n\r\nHi" + end + SMUGGLED + ".\r\n");
            String reply = c.reply();
            assertThat(reply).matches("(250 2\\.0\\.0|554 5\\.6\\.0) .*");
            // the next reply is NOOP's: no second transaction ran
            assertThat(c.cmd("NOOP")).isEqualTo("250 2.0.0 OK");
        }
        assertThat(mail.queued()).hasSizeLessThanOrEqualTo(1);
        assertThat(mail.queued()).noneMatch(e -> e.mail().reversePath().map(a -> a.toString().equals("ceo@bank.test")).orElse(false));
    }

    @Test
    void bareLineFeedsMakeTheMessageRefusedAndTheConnectionStaysInStep(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            c.hello();
            c.cmd("MAIL FROM:<friend@sender.test>");
            c.cmd("RCPT TO:<alice@example.test>");
            c.cmd("DATA");
            assertThat(c.cmd("Subject: unix\n\nline\r\n.")).startsWith("554 5.6.0");
            assertThat(c.cmd("MAIL FROM:<friend@sender.test>")).startsWith("250 2.1.0");
        }
        assertThat(mail.queued()).isEmpty();
    }

    @Test
    void aRefusedBdatChunkFullOfCommandsIsSwallowed(MailSystem mail) throws Exception {
        String chunk = "RCPT TO:<alice@example.test>\r\nDATA\r\nSubject: smuggled\r\n\r\n.\r\n";
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            c.hello();
            c.cmd("MAIL FROM:<friend@sender.test>");
            // no RCPT yet: BDAT is refused, and its chunk must not run as commands
            c.sendRaw("BDAT " + chunk.length() + " LAST\r\n" + chunk);
            assertThat(c.reply()).startsWith("503 5.5.1");
            assertThat(c.cmd("NOOP")).isEqualTo("250 2.0.0 OK");
        }
        assertThat(mail.queued()).isEmpty();
    }
}
