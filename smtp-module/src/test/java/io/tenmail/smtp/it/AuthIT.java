package io.tenmail.smtp.it;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** AUTH against the real directory: account switches, app passwords, tenants, sender rights. */
@ExtendWith(MailSystem.Extension.class)
class AuthIT {

    private static SmtpClient submission(MailSystem mail) throws Exception {
        SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.SUBMISSION));
        c.hello();
        c.secure();
        return c;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void submissionRequiresTlsThenAuthBeforeMail(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.SUBMISSION))) {
            c.hello();
            assertThat(c.cmd("MAIL FROM:<alice@example.test>")).startsWith("530 5.7.0");
            assertThat(c.login("alice@example.test", "alice-pw")).startsWith("530 5.7.0");
            c.secure();
            assertThat(c.cmd("MAIL FROM:<alice@example.test>")).startsWith("530 5.7.0");
            assertThat(c.login("alice@example.test", "alice-pw")).startsWith("235 2.7.0");
            assertThat(c.cmd("MAIL FROM:<alice@example.test>")).startsWith("250 2.1.0");
        }
    }

    @Test
    void loginWithTheLoginMechanismAndSendToTheWorld(MailSystem mail) throws Exception {
        try (SmtpClient c = submission(mail)) {
            assertThat(c.cmd("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(c.cmd(b64("bob@example.test"))).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(c.cmd(b64("bob-pw"))).startsWith("235 2.7.0");
            c.cmd("MAIL FROM:<bob@example.test>");
            assertThat(c.cmd("RCPT TO:<friend@elsewhere.test>")).startsWith("250 2.1.5");
            c.cmd("DATA");
            assertThat(c.cmd("Subject: hi\r\n\r\n.")).startsWith("250 2.0.0");
        }
        var entry = mail.queued().get(0);
        assertThat(entry.mail().attributes()).containsEntry(MailAttributes.AUTH_USER, "bob@example.test")
                .containsEntry(MailAttributes.LISTENER, "submission").containsEntry(MailAttributes.PROTOCOL, "ESMTPSA");
        assertThat(mail.content(entry)).containsPattern("\r\nMessage-ID: <[0-9a-f]+@mx\\.example\\.test>\r\n").contains("\r\nDate: ");
    }

    @Test
    void accountSwitchesAreExplainedAfterTheRightPassword(MailSystem mail) throws Exception {
        try (SmtpClient c = submission(mail)) {
            assertThat(c.login("carol@example.test", "carol-pw")).startsWith("535 5.7.8").contains("SMTP is disabled");
            assertThat(c.login("dave@example.test", "dave-pw")).startsWith("535 5.7.8").contains("app password");
            assertThat(c.login("erin@example.test", "erin-pw")).startsWith("535 5.7.8").contains("disabled");
            assertThat(c.login("carol@example.test", "wrong")).isEqualTo("535 5.7.8 Authentication credentials invalid");
            assertThat(c.login("nobody@example.test", "wrong")).isEqualTo("535 5.7.8 Authentication credentials invalid");
            assertThat(c.login("dave@example.test", mail.daveAppPassword())).startsWith("235 2.7.0");
        }
    }

    @Test
    void aUserMaySendOnlyAsItselfItsAliasesAndItsGroups(MailSystem mail) throws Exception {
        try (SmtpClient c = submission(mail)) {
            c.login("alice@example.test", "alice-pw");
            assertThat(c.cmd("MAIL FROM:<alice@example.net>")).startsWith("250 2.1.0");   // domain alias
            c.cmd("RSET");
            assertThat(c.cmd("MAIL FROM:<team@example.test>")).startsWith("250 2.1.0");   // her group
            c.cmd("RSET");
            assertThat(c.cmd("MAIL FROM:<bob@example.test>")).startsWith("553 5.7.1");
            assertThat(c.cmd("MAIL FROM:<zed@other.test>")).startsWith("553 5.7.1");
            assertThat(c.cmd("MAIL FROM:<>")).startsWith("553 5.7.1");
        }
    }

    @Test
    void theMxOffersAuthOnlyAfterStartTls(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            assertThat(c.hello()).noneMatch(l -> l.contains("AUTH"));
            assertThat(c.login("alice@example.test", "alice-pw")).startsWith("530 5.7.0");
            assertThat(c.secure()).contains("250-AUTH PLAIN LOGIN");
            assertThat(c.login("alice@example.test", "alice-pw")).startsWith("235 2.7.0");
            c.cmd("MAIL FROM:<alice@example.test>");
            assertThat(c.cmd("RCPT TO:<friend@elsewhere.test>")).startsWith("250 2.1.5");
        }
    }
}
