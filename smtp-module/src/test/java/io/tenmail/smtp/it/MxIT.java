package io.tenmail.smtp.it;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.storage.model.QueueEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The MX (port 25) over a real socket: who may send what to whom, and what lands in the queue. */
@ExtendWith(MailSystem.Extension.class)
class MxIT {

    private static SmtpClient mx(MailSystem mail) throws Exception {
        SmtpClient client = SmtpClient.connect(mail.port(ListenerRole.MX));
        client.hello();
        return client;
    }

    @Test
    void mailForLocalRecipientsIsQueuedWithItsEnvelope(MailSystem mail) throws Exception {
        try (SmtpClient c = mx(mail)) {
            assertThat(c.cmd("MAIL FROM:<news@sender.test> BODY=8BITMIME")).startsWith("250 2.1.0");
            assertThat(c.cmd("RCPT TO:<alice@example.test>")).startsWith("250 2.1.5");
            assertThat(c.cmd("RCPT TO:<sales@example.test> NOTIFY=NEVER")).startsWith("250 2.1.5");
            assertThat(c.cmd("RCPT TO:<bob@example.net>")).startsWith("250 2.1.5");   // domain alias
            assertThat(c.cmd("DATA")).startsWith("354");
            String reply = c.cmd("From: news@sender.test\r\nSubject: caf\u00e9\r\n\r\n8-bit body: \u00e9\r\n.");
            assertThat(reply).matches("250 2\\.0\\.0 OK queued as \\d+");
            assertThat(c.cmd("QUIT")).startsWith("221 2.0.0");
        }
        List<QueueEntry> queued = mail.queued();
        assertThat(queued).hasSize(1);
        QueueEntry entry = queued.get(0);
        assertThat(entry.mail().reversePath().orElseThrow().toString()).isEqualTo("news@sender.test");
        assertThat(entry.mail().recipients()).extracting(r -> r.address().toString())
                .containsExactly("alice@example.test", "sales@example.test", "bob@example.net");
        assertThat(entry.mail().recipients().get(1).dsnNotify()).contains("NEVER");
        assertThat(entry.mail().attributes()).containsEntry(MailAttributes.BODY, "8BITMIME").containsEntry(MailAttributes.LISTENER, "smtp")
                .containsEntry(MailAttributes.CLIENT_ADDRESS, "127.0.0.1");
        String content = mail.content(entry);
        assertThat(content).startsWith("Received: from client.example.test ([127.0.0.1])\r\n\tby mx.example.test (Tenmail) with ESMTP id ")
                .endsWith("\r\nFrom: news@sender.test\r\nSubject: caf\u00e9\r\n\r\n8-bit body: \u00e9\r\n");
        assertThat(entry.mail().size()).isEqualTo(mail.bytes(entry).length);
    }

    @Test
    void theQueueHoldsExactlyTheAcceptedMessages(MailSystem mail) throws Exception {
        try (SmtpClient c = mx(mail)) {
            for (int i = 0; i < 3; i++) {
                c.cmd("MAIL FROM:<a@sender.test>");
                c.cmd("RCPT TO:<alice@example.test>");
                c.cmd("DATA");
                assertThat(c.cmd("Subject: " + i + "\r\n\r\n.")).startsWith("250 2.0.0");
            }
            c.cmd("MAIL FROM:<a@sender.test>");
            assertThat(c.cmd("RCPT TO:<nobody@example.test>")).startsWith("550 5.1.1");
            assertThat(c.cmd("DATA")).startsWith("554 5.5.1");
            c.cmd("RSET");
            c.cmd("MAIL FROM:<a@sender.test>");
            c.cmd("RCPT TO:<alice@example.test>");
            c.cmd("DATA");
            assertThat(c.cmd("Subject: too big\r\n\r\n" + "x".repeat(600 * 1024) + "\r\n.")).startsWith("552 5.3.4");
        }
        assertThat(mail.queued()).extracting(e -> mail.content(e).replaceAll("(?s).*Subject: (\\d).*", "$1")).containsExactly("0", "1", "2");
    }

    @Test
    void unknownUsersAndRelayAreRefusedAtRcpt(MailSystem mail) throws Exception {
        try (SmtpClient c = mx(mail)) {
            c.cmd("MAIL FROM:<spammer@sender.test>");
            assertThat(c.cmd("RCPT TO:<nobody@example.test>")).startsWith("550 5.1.1");
            assertThat(c.cmd("RCPT TO:<victim@gmail.test>")).startsWith("550 5.7.1");
            assertThat(c.cmd("RCPT TO:<zed@other.test>")).startsWith("250 2.1.5");   // the other tenant's domain is local too
        }
    }

    @Test
    void classicOpenRelayTestsAllFail(MailSystem mail) throws Exception {
        // the relay tests of the old open-relay checkers (ORDB, abuse.net), against our domain
        String[] tricks = {
                "<victim%gmail.test@example.test>", "<\"victim%gmail.test\"@example.test>", "<victim@gmail.test@example.test>",
                "<\"victim@gmail.test\"@example.test>", "<gmail.test!victim@example.test>", "<@example.test:victim@gmail.test>",
                "<@example.test,@mx.example.test:victim@gmail.test>", "<victim@[127.0.0.1]>", "<victim%gmail.test@[127.0.0.1]>",
                "<victim@gmail.test.>", "<victim@example.test.gmail.test>"};
        try (SmtpClient c = mx(mail)) {
            c.cmd("MAIL FROM:<spammer@sender.test>");
            for (String trick : tricks) {
                assertThat(c.cmd("RCPT TO:" + trick)).as(trick).matches("5\\d\\d 5\\.\\d\\.\\d .*");
            }
            assertThat(c.cmd("DATA")).startsWith("554 5.5.1");
        }
        assertThat(mail.queued()).isEmpty();
    }

    @Test
    void groupsAdmitOnlyTheSendersTheirPolicyAllows(MailSystem mail) throws Exception {
        try (SmtpClient c = mx(mail)) {
            c.cmd("MAIL FROM:<stranger@sender.test>");
            assertThat(c.cmd("RCPT TO:<team@example.test>")).startsWith("550 5.7.1");
            assertThat(c.cmd("RCPT TO:<staff@example.test>")).startsWith("550 5.7.1");
            assertThat(c.cmd("RCPT TO:<all@example.test>")).startsWith("250 2.1.5");
            c.cmd("RSET");
            c.cmd("MAIL FROM:<alice@example.test>");
            assertThat(c.cmd("RCPT TO:<team@example.test>")).startsWith("250 2.1.5");
            assertThat(c.cmd("RCPT TO:<staff@example.test>")).startsWith("250 2.1.5");
        }
    }

    @Test
    void postmasterIsAcceptedEvenWithoutSuchAMailbox(MailSystem mail) throws Exception {
        try (SmtpClient c = mx(mail)) {
            c.cmd("MAIL FROM:<a@sender.test>");
            assertThat(c.cmd("RCPT TO:<Postmaster>")).startsWith("250 2.1.5");
            assertThat(c.cmd("RCPT TO:<POSTMASTER@example.test>")).startsWith("250 2.1.5");
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder(MailSystem mail) throws Exception {
        try (SmtpClient c = mx(mail)) {
            c.sendRaw("MAIL FROM:<a@sender.test>\r\nRCPT TO:<alice@example.test>\r\nRCPT TO:<nobody@example.test>\r\n"
                    + "RCPT TO:<bob@example.test>\r\nDATA\r\n");
            assertThat(List.of(c.reply(), c.reply(), c.reply(), c.reply(), c.reply()))
                    .extracting(r -> r.substring(0, 3)).containsExactly("250", "250", "550", "250", "354");
            c.sendRaw("Subject: pipelined\r\n\r\n.\r\nMAIL FROM:<b@sender.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n");
            assertThat(c.reply()).startsWith("250 2.0.0");
            assertThat(c.reply()).startsWith("250 2.1.0");
            assertThat(c.reply()).startsWith("250 2.1.5");
            assertThat(c.reply()).startsWith("354");
            c.sendRaw("Subject: second\r\n\r\n.\r\nQUIT\r\n");
            assertThat(c.reply()).startsWith("250 2.0.0");
            assertThat(c.reply()).startsWith("221");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(mail.queued()).hasSize(2);
        assertThat(mail.queued().get(0).mail().recipients()).hasSize(2);
    }

    @Test
    void aClientThatPipelinesEverythingAndClosesItsSideGetsEveryReply(MailSystem mail) throws Exception {
        try (SmtpClient c = SmtpClient.connect(mail.port(ListenerRole.MX))) {
            // what "printf ... | nc mx 25" does: everything at once, then end of input
            c.sendRaw("EHLO client.example.test\r\nMAIL FROM:<a@sender.test>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n"
                    + "Subject: scripted\r\n\r\nbody\r\n.\r\nQUIT\r\n");
            c.shutdownOutput();
            assertThat(c.reply()).startsWith("220");
            c.readReplyLines();
            assertThat(List.of(c.reply(), c.reply(), c.reply(), c.reply(), c.reply()))
                    .extracting(r -> r.substring(0, 3)).containsExactly("250", "250", "354", "250", "221");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(mail.queued()).hasSize(1);
    }

    @Test
    void bdatMessagesAreQueuedLikeData(MailSystem mail) throws Exception {
        String part1 = "Subject: chunked\r\n\r\n";
        String part2 = "line one\r\n.\r\nMAIL FROM:<not-a-command@sender.test>\r\n";
        try (SmtpClient c = mx(mail)) {
            c.cmd("MAIL FROM:<a@sender.test>");
            c.cmd("RCPT TO:<alice@example.test>");
            c.sendRaw("BDAT " + part1.length() + "\r\n" + part1);
            assertThat(c.reply()).startsWith("250 2.0.0");
            c.sendRaw("BDAT " + part2.length() + " LAST\r\n" + part2);
            assertThat(c.reply()).matches("250 2\\.0\\.0 OK queued as \\d+");
            assertThat(c.cmd("NOOP")).startsWith("250");
        }
        assertThat(mail.queued()).hasSize(1);
        assertThat(mail.content(mail.queued().get(0))).endsWith(part1 + part2);
    }

    @Test
    void vrfyAndExpnDiscloseNothing(MailSystem mail) throws Exception {
        try (SmtpClient c = mx(mail)) {
            assertThat(c.cmd("VRFY alice")).startsWith("252 2.5.0");
            assertThat(c.cmd("VRFY nobody")).startsWith("252 2.5.0");
            assertThat(c.cmd("EXPN team")).startsWith("502 5.5.1");
        }
    }
}
