package io.tenmail.smtp.it;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.storage.model.QueueEntry;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server as mail clients see it: Eclipse Angus Mail (Jakarta Mail) over submission and SMTPS. */
@ExtendWith(MailSystem.Extension.class)
class SubmissionIT {

    private static Properties properties(String protocol, int port) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", "127.0.0.1");
        p.put(prefix + "port", Integer.toString(port));
        p.put(prefix + "auth", "true");
        // the test server's certificate is self-signed, for mx.example.test
        p.put(prefix + "ssl.trust", "*");
        p.put(prefix + "ssl.checkserveridentity", "false");
        p.put(prefix + "localhost", "client.example.test");
        p.put(prefix + "connectiontimeout", "10000");
        p.put(prefix + "timeout", "10000");
        return p;
    }

    private static Session submission(MailSystem mail) {
        Properties p = properties("smtp", mail.port(ListenerRole.SUBMISSION));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session, String from, String to, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        return m;
    }

    @Test
    void aClientSubmitsWithStartTlsAndAuth(MailSystem mail) throws Exception {
        Session session = submission(mail);
        MimeMessage m = message(session, "alice@example.test", "friend@elsewhere.test, bob@example.test", "Quarterly report", "See attached.");
        Transport.send(m, "alice@example.test", "alice-pw");
        assertThat(mail.queued()).hasSize(1);
        QueueEntry entry = mail.queued().get(0);
        assertThat(entry.mail().recipients()).extracting(r -> r.address().toString()).containsExactly("friend@elsewhere.test", "bob@example.test");
        assertThat(entry.mail().attributes()).containsEntry(MailAttributes.AUTH_USER, "alice@example.test")
                .containsEntry(MailAttributes.PROTOCOL, "ESMTPSA");
        String content = mail.content(entry);
        assertThat(content).startsWith("Received: from client.example.test ([127.0.0.1])\r\n\t(using TLSv1.")
                .contains("Subject: Quarterly report", "See attached.");
        // the client wrote its own Message-ID and Date: kept, not doubled
        assertThat(content.split("\r\nMessage-ID: ", -1)).hasSize(2);
    }

    @Test
    void smtpsWorksWithImplicitTls(MailSystem mail) throws Exception {
        Properties p = properties("smtps", mail.port(ListenerRole.SMTPS));
        Session session = Session.getInstance(p);
        try (Transport transport = session.getTransport("smtps")) {
            transport.connect("alice@example.test", "alice-pw");
            MimeMessage m = message(session, "alice@example.test", "friend@elsewhere.test", "over 465", "Hello.");
            transport.sendMessage(m, m.getAllRecipients());
        }
        assertThat(mail.queued()).hasSize(1);
        assertThat(mail.queued().get(0).mail().attributes()).containsEntry(MailAttributes.LISTENER, "smtps");
    }

    @Test
    void anEightBitBodyArrivesUnchanged(MailSystem mail) throws Exception {
        Session session = submission(mail);
        session.getProperties().put("mail.smtp.allow8bitmime", "true");
        session.getProperties().put("mail.smtp.mailextension", "BODY=8BITMIME");
        String text = "Grüße aus Köln — 東京 too.";
        Transport.send(message(session, "alice@example.test", "bob@example.test", "Umlaute", text), "alice@example.test", "alice-pw");
        QueueEntry entry = mail.queued().get(0);
        assertThat(entry.mail().attributes()).containsEntry(MailAttributes.BODY, "8BITMIME");
        String asUtf8 = new String(mail.bytes(entry), StandardCharsets.UTF_8);
        assertThat(asUtf8).contains("Content-Transfer-Encoding: 8bit", text);
    }

    @Test
    void aUtf8RecipientGoesThroughSmtpUtf8(MailSystem mail) throws Exception {
        Session session = submission(mail);
        session.getProperties().put("mail.mime.allowutf8", "true");
        Transport.send(message(session, "alice@example.test", "jörg@bücher.test", "Hallo", "Hallo Jörg"), "alice@example.test", "alice-pw");
        QueueEntry entry = mail.queued().get(0);
        assertThat(entry.mail().recipients().get(0).address().toString()).isEqualTo("jörg@bücher.test");
        assertThat(entry.mail().attributes()).containsEntry(MailAttributes.SMTPUTF8, "true")
                .containsEntry(MailAttributes.PROTOCOL, "UTF8SMTPSA");
    }

    @Test
    void aWrongPasswordFailsTheLogin(MailSystem mail) {
        Session session = submission(mail);
        assertThatThrownBy(() -> Transport.send(message(session, "alice@example.test", "bob@example.test", "x", "x"),
                "alice@example.test", "not-her-password")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(mail.queued()).isEmpty();
    }

    @Test
    void aSenderTheAccountMayNotUseIsRefusedWith553(MailSystem mail) {
        Session session = submission(mail);
        assertThatThrownBy(() -> Transport.send(message(session, "ceo@example.test", "bob@example.test", "x", "x"),
                "alice@example.test", "alice-pw"))
                .isInstanceOfSatisfying(SMTPSendFailedException.class, e -> assertThat(e.getReturnCode()).isEqualTo(553));
        assertThat(mail.queued()).isEmpty();
    }

    @Test
    void anAppPasswordWorksWhereTheAccountPasswordIsRefused(MailSystem mail) throws Exception {
        Session session = submission(mail);
        assertThatThrownBy(() -> Transport.send(message(session, "dave@example.test", "bob@example.test", "x", "x"),
                "dave@example.test", "dave-pw")).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("app password");
        Transport.send(message(session, "dave@example.test", "bob@example.test", "from the phone", "x"), "dave@example.test",
                mail.daveAppPassword());
        assertThat(mail.queued()).hasSize(1);
    }
}
