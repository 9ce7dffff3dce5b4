package io.tenmail.smtp.spam;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Builds mails as the SMTP intake leaves them: envelope, client attributes, raw message. */
final class TestMails {
    static final String MESSAGE = """
            From: Alice <alice@example.test>\r
            To: bob@tenmail.test\r
            Subject: quarterly numbers\r
            Date: Sun, 22 Nov 2026 03:00:00 +0000\r
            Message-ID: <q1@example.test>\r
            \r
            Hello Bob,\r
            the numbers are in.\r
            """;

    private TestMails() {
    }

    static FakeMail mail(String sender, String clientAddress, String helo, String message) throws Exception {
        FakeMail.Builder b = FakeMail.builder().name("Q1").recipient("bob@tenmail.test")
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8))))
                .attribute("tenmail.smtp.client-address", clientAddress).attribute("tenmail.smtp.helo", helo);
        if (sender != null) b.sender(sender);
        return b.build();
    }

    static FakeMail mail(String sender, String clientAddress, String helo) throws Exception {
        return mail(sender, clientAddress, helo, MESSAGE);
    }

    static FakeMailetConfig config(String name, Map<String, String> parameters) {
        FakeMailetConfig.Builder b = FakeMailetConfig.builder().mailetName(name).mailetContext(FakeMailContext.defaultContext());
        parameters.forEach(b::setProperty);
        return b.build();
    }

    static String attribute(FakeMail mail, String name) {
        return SpamScore.string(mail, name).orElse(null);
    }
}
