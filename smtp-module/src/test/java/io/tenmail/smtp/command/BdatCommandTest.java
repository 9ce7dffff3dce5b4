package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpState;
import io.tenmail.smtp.wire.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BdatCommandTest {

    private static SessionHarness readyForData() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.envelope("someone@elsewhere.test", "alice@example.test");
        return s;
    }

    @Test
    void chunksAreAnsweredOneByOneAndTheLastQueuesTheMessage() {
        SessionHarness s = readyForData();
        assertThat(s.feed("BDAT 13\r\nSubject: hi\r\n")).extracting(Reply::status).containsExactly("250 2.0.0");
        assertThat(s.session.state()).isEqualTo(SmtpState.CHUNKING);
        assertThat(s.feed("BDAT 9 LAST\r\n\r\n.\r\nbody")).extracting(Reply::status).containsExactly("250 2.0.0");
        assertThat(s.stores.content(0)).endsWith("\r\nSubject: hi\r\n\r\n.\r\nbody");
        assertThat(s.session.state()).isEqualTo(SmtpState.GREETED);
    }

    @Test
    void aChunkMayArriveInPiecesAndLooksLikeCommandsWithoutBeingThem() {
        SessionHarness s = readyForData();
        String first = "MAIL FROM:<x@y.test>\r\n";
        String second = "RSET\r\nQUIT\r\n";
        assertThat(s.feed("BDAT " + (first.length() + second.length()) + " LAST\r\n" + first)).isEmpty();
        assertThat(s.feed(second)).extracting(Reply::status).containsExactly("250 2.0.0");
        assertThat(s.stores.content(0)).endsWith("\r\nMAIL FROM:<x@y.test>\r\nRSET\r\nQUIT\r\n");
    }

    @Test
    void bdatZeroLastEndsTheMessage() {
        SessionHarness s = readyForData();
        s.feed("BDAT 5\r\nHello");
        s.cmd("BDAT 0 LAST", "250 2.0.0");
        assertThat(s.stores.content(0)).endsWith("Hello");
    }

    @Test
    void aChunkThatWouldExceedTheLimitIsConsumedThenRefused() {
        SessionHarness s = readyForData();
        List<Reply> replies = s.feed("BDAT 10001 LAST\r\n" + "x".repeat(10_001) + "NOOP\r\n");
        assertThat(replies).extracting(Reply::status).containsExactly("552 5.3.4", "250 2.0.0");
        assertThat(s.stores.queued).isEmpty();
    }

    @Test
    void aRefusedBdatHasItsChunkDiscardedNotRunAsCommands() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        String chunk = "MAIL FROM:<a@b.test>\r\nRCPT TO:<alice@example.test>\r\n";
        List<Reply> replies = s.feed("BDAT " + chunk.length() + " LAST\r\n" + chunk + "NOOP\r\n");
        assertThat(replies).extracting(Reply::status).containsExactly("503 5.5.1", "250 2.0.0");
        assertThat(s.session.state()).isEqualTo(SmtpState.GREETED);
    }

    @Test
    void bdatAfterHeloIsNotAvailableAndItsChunkIsStillDiscarded() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("HELO client.example.test", "250");
        s.envelope("someone@elsewhere.test", "alice@example.test");
        assertThat(s.feed("BDAT 6 LAST\r\nRSET\r\nNOOP\r\n")).extracting(Reply::status).containsExactly("502 5.5.1", "250 2.0.0");
    }

    @Test
    void dataInTheMiddleOfABdatTransactionIsRefused() {
        SessionHarness s = readyForData();
        s.feed("BDAT 3\r\nabc");
        s.cmd("DATA", "503 5.5.1");
        s.cmd("RSET", "250 2.0.0");
        assertThat(s.stores.queued).isEmpty();
    }

    @Test
    void aBdatSizeThatCannotBeParsedClosesTheConnection() {
        SessionHarness s = readyForData();
        assertThat(s.feed("BDAT lots\r\nabc")).extracting(Reply::status).containsExactly("501 5.5.4");
        assertThat(s.connection.closed()).isTrue();
    }
}
