package io.tenmail.smtp.command;

import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.smtp.wire.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen at the end of DATA (ADR 0015): what it sees, and what a refusal leaves behind. */
class MessageScreenTest {

    private static SessionHarness mx() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.envelope("someone@elsewhere.test", "alice@example.test");
        return s;
    }

    @Test
    void aRefusalIsTheReplyToTheEndOfDataAndNothingIsQueuedOrKept() {
        SessionHarness s = mx();
        s.screen = m -> MessageScreen.Screening.refuse(Reply.of(550, "5.7.1", "Message refused as spam (score 1000)"), "GTUBE");
        s.cmd("DATA", "354");
        s.cmd("Subject: hi\r\n\r\nHello\r\n.", "550 5.7.1");
        assertThat(s.stores.queued).isEmpty();
        assertThat(s.stores.blobs).as("the stored message is removed").isEmpty();
        // the transaction is over; the session goes on
        s.envelope("someone@elsewhere.test", "alice@example.test");
    }

    @Test
    void greylistingsTemporaryRefusalWorksTheSameWay() {
        SessionHarness s = mx();
        s.screen = m -> MessageScreen.Screening.refuse(Reply.of(451, "4.7.1", "Greylisted, please try again in 300 seconds"), "new triplet");
        s.cmd("DATA", "354");
        s.cmd("Subject: hi\r\n\r\n.", "451 4.7.1");
        assertThat(s.stores.queued).isEmpty();
    }

    @Test
    void theScreenSeesTheStoredMessageAndItsAttributesAndWhatItAcceptsWithIsQueued() {
        SessionHarness s = mx();
        List<MessageScreen.Message> seen = new ArrayList<>();
        s.screen = m -> {
            seen.add(m);
            return MessageScreen.Screening.accept(Map.of("tenmail.spam.score", "3", "tenmail.auth.spf", "fail"));
        };
        s.cmd("DATA", "354");
        s.cmd("Subject: hi\r\n\r\n.", "250 2.0.0");
        MessageScreen.Message m = seen.get(0);
        assertThat(m.sender()).map(Object::toString).contains("someone@elsewhere.test");
        assertThat(m.recipients()).extracting(Object::toString).containsExactly("alice@example.test");
        assertThat(m.attributes()).containsEntry("tenmail.smtp.client-address", "192.0.2.10");
        assertThat(m.blob()).isEqualTo(s.stores.queued.get(0).blob());
        assertThat(s.stores.queued.get(0).attributes()).containsEntry("tenmail.spam.score", "3").containsEntry("tenmail.auth.spf", "fail");
    }

    @Test
    void aScreenThatFailsAcceptsTheMessage() {
        SessionHarness s = mx();
        s.screen = m -> {
            throw new IllegalStateException("broken check");
        };
        s.cmd("DATA", "354");
        s.cmd("Subject: hi\r\n\r\n.", "250 2.0.0");
        assertThat(s.stores.queued).hasSize(1);
    }

    @Test
    void submissionIsNotScreened() {
        SessionHarness s = SessionHarness.submission();
        s.screen = m -> MessageScreen.Screening.refuse(Reply.of(550, "5.7.1", "no"), "should not run");
        s.login("alice@example.test", "alice-pw");
        s.envelope("alice@example.test", "friend@elsewhere.test");
        s.cmd("DATA", "354");
        s.cmd("Subject: hi\r\n\r\nbody\r\n.", "250 2.0.0");
    }
}
