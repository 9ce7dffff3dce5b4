package io.tenmail.smtp.command;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.session.SmtpState;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.QueuedMail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataCommandTest {

    private static SessionHarness readyForData() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.envelope("someone@elsewhere.test", "alice@example.test");
        return s;
    }

    @Test
    void aMessageIsQueuedWithAReceivedHeaderAndOnlyThenAnswered250() {
        SessionHarness s = readyForData();
        s.cmd("DATA", "354");
        Reply queued = s.cmd("Subject: hi\r\n\r\nHello\r\n.", "250 2.0.0");
        assertThat(queued.lines().get(0)).isEqualTo("OK queued as 1");
        assertThat(s.stores.queued).hasSize(1);
        QueuedMail mail = s.stores.queued.get(0);
        assertThat(mail.reversePath().orElseThrow().toString()).isEqualTo("someone@elsewhere.test");
        assertThat(mail.recipients()).extracting(r -> r.address().toString()).containsExactly("alice@example.test");
        assertThat(s.stores.content(0)).isEqualTo("""
                Received: from client.example.test ([192.0.2.10])\r
                \tby mx.example.test (Tenmail) with ESMTP id s1.1\r
                \tfor <alice@example.test>;\r
                \tTue, 1 Jul 2025 10:00:00 +0000\r
                Subject: hi\r
                \r
                Hello\r
                """);
        assertThat(mail.size()).isEqualTo(s.stores.content(0).length());
        assertThat(s.session.state()).isEqualTo(SmtpState.GREETED);
    }

    @Test
    void theEnvelopeAndSessionFactsGoToTheQueueAttributes() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<someone@elsewhere.test> BODY=8BITMIME RET=HDRS ENVID=abc+2Bdef", "250 2.1.0");
        s.cmd("RCPT TO:<alice@example.test> NOTIFY=FAILURE,DELAY ORCPT=rfc822;alice@example.test", "250 2.1.5");
        s.cmd("DATA", "354");
        s.cmd("Subject: caf\u00e9\r\n\r\n.", "250 2.0.0");
        QueuedMail mail = s.stores.queued.get(0);
        assertThat(mail.attributes()).containsEntry(MailAttributes.LISTENER, "smtp")
                .containsEntry(MailAttributes.CLIENT_ADDRESS, "192.0.2.10")
                .containsEntry(MailAttributes.HELO, "client.example.test")
                .containsEntry(MailAttributes.PROTOCOL, "ESMTP")
                .containsEntry(MailAttributes.BODY, "8BITMIME")
                .containsEntry(MailAttributes.DSN_RET, "HDRS")
                .containsEntry(MailAttributes.DSN_ENVID, "abc+def")
                .containsEntry(MailAttributes.TRANSACTION, "s1.1")
                .doesNotContainKey(MailAttributes.AUTH_USER);
        assertThat(mail.recipients().get(0).dsnNotify()).contains("FAILURE,DELAY");
        assertThat(mail.recipients().get(0).orcpt()).contains("rfc822;alice@example.test");
    }

    @Test
    void submissionAddsMessageIdAndDateWhenMissing() {
        SessionHarness s = SessionHarness.submission();
        s.login("alice@example.test", "alice-pw");
        s.envelope("alice@example.test", "friend@elsewhere.test");
        s.cmd("DATA", "354");
        s.cmd("Subject: hi\r\n\r\nbody\r\n.", "250 2.0.0");
        String content = s.stores.content(0);
        assertThat(content).contains("with ESMTPSA id", "(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256)",
                "\r\nDate: Tue, 1 Jul 2025 10:00:00 +0000\r\n").containsPattern("\r\nMessage-ID: <[0-9a-f]{32}@mx\\.example\\.test>\r\n");
        assertThat(s.stores.queued.get(0).attributes()).containsEntry(MailAttributes.AUTH_USER, "alice@example.test")
                .containsEntry(MailAttributes.PROTOCOL, "ESMTPSA").containsKey(MailAttributes.TLS);
    }

    @Test
    void submissionKeepsTheClientsMessageIdAndDate() {
        SessionHarness s = SessionHarness.submission();
        s.login("alice@example.test", "alice-pw");
        s.envelope("alice@example.test", "friend@elsewhere.test");
        s.cmd("DATA", "354");
        s.cmd("message-id: <x@y>\r\nDATE: Mon, 30 Jun 2025 09:00:00 +0200\r\n\r\nbody\r\n.", "250 2.0.0");
        assertThat(s.stores.content(0)).doesNotContain("\r\nDate: ", "\r\nMessage-ID: ");
    }

    @Test
    void theMxDoesNotAddMessageIdOrDate() {
        SessionHarness s = readyForData();
        s.cmd("DATA", "354");
        s.cmd("Subject: hi\r\n\r\n.", "250 2.0.0");
        assertThat(s.stores.content(0)).doesNotContain("Message-ID:", "\r\nDate:");
    }

    @Test
    void dotStuffingIsRemoved() {
        SessionHarness s = readyForData();
        s.cmd("DATA", "354");
        s.cmd("Subject: dots\r\n\r\n..leading dot\r\n...two\r\n.", "250 2.0.0");
        assertThat(s.stores.content(0)).endsWith("\r\n\r\n.leading dot\r\n..two\r\n");
    }

    @Test
    void aMessageOverTheLimitIsReadToTheEndAndRefused() {
        SessionHarness s = readyForData();
        s.cmd("DATA", "354");
        s.cmd("Subject: big\r\n\r\n" + "x".repeat(10_001) + "\r\n.", "552 5.3.4");
        assertThat(s.stores.queued).isEmpty();
        s.cmd("MAIL FROM:<someone@elsewhere.test>", "250 2.1.0");
    }

    @Test
    void aBareLineFeedInTheDataIsRefusedAfterTheEnd() {
        SessionHarness s = readyForData();
        s.cmd("DATA", "354");
        s.cmd("Subject: bare\n\r\nbody\r\n.", "554 5.6.0");
        assertThat(s.stores.queued).isEmpty();
    }

    @Test
    void aSmuggledSecondMessageIsNeverRunAsCommands() {
        SessionHarness s = readyForData();
        s.cmd("DATA", "354");
        List<Reply> replies = s.feed("Subject: one\r\n\r\nbody\n.\nMAIL FROM:<ceo@bank.test>\r\nRCPT TO:<alice@example.test>\r\n"
                + "DATA\r\nSubject: spoofed\r\n\r\n.\r\n");
        assertThat(replies).extracting(Reply::status).containsExactly("554 5.6.0");
        assertThat(s.stores.queued).isEmpty();
    }

    @Test
    void dataBeforeRcptIsABadSequence() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("DATA", "503 5.5.1");
        s.cmd("MAIL FROM:<a@elsewhere.test>", "250 2.1.0");
        s.cmd("DATA", "503 5.5.1");
    }

    @Test
    void dataAfterEveryRecipientWasRefusedGets554() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        List<Reply> replies = s.feed("MAIL FROM:<a@elsewhere.test>\r\nRCPT TO:<nobody@example.test>\r\nDATA\r\n");
        assertThat(replies).extracting(Reply::status).containsExactly("250 2.1.0", "550 5.1.1", "554 5.5.1");
    }

    @Test
    void aBlobStoreFailureIsTemporaryAndNothingIsQueued() {
        SessionHarness s = readyForData();
        s.stores.blobFailure = new StoreException(StoreException.Reason.TEMPORARY, "disk full");
        s.cmd("DATA", "354");
        s.cmd("Subject: x\r\n\r\n.", "451 4.3.0");
        assertThat(s.stores.queued).isEmpty();
        assertThat(s.session.state()).isEqualTo(SmtpState.GREETED);
    }

    @Test
    void aQueueFailureIsTemporary() {
        SessionHarness s = readyForData();
        s.stores.queueFailure = new StoreException(StoreException.Reason.TEMPORARY, "database down");
        s.cmd("DATA", "354");
        s.cmd("Subject: x\r\n\r\n.", "451 4.3.0");
    }

    @Test
    void aMessageLargerThanTheMemorySpoolIsSpooledToDiskAndQueuedWhole() {
        SessionHarness s = new SessionHarness(io.tenmail.smtp.session.ListenerRole.MX, b -> b.maxMessageSizeBytes(1_000_000));
        s.ehlo();
        s.envelope("someone@elsewhere.test", "alice@example.test");
        s.cmd("DATA", "354");
        String line = "0123456789".repeat(7) + "\r\n";
        String body = line.repeat(2000);
        s.cmd("Subject: big\r\n\r\n" + body + ".", "250 2.0.0");
        assertThat(s.stores.content(0)).endsWith("Subject: big\r\n\r\n" + body);
    }
}
