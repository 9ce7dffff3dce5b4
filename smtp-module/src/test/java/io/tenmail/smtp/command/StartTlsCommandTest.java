package io.tenmail.smtp.command;

import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpState;
import io.tenmail.smtp.wire.Reply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartTlsCommandTest {

    @Test
    void startTlsAnswers220ThenHandsOverToTlsAndForgetsEhlo() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("STARTTLS", "220 2.0.0");
        assertThat(s.connection.tlsRequested()).isTrue();
        assertThat(s.session.state()).isEqualTo(SmtpState.CONNECTED);
        assertThat(s.session.advertised()).isEmpty();
    }

    @Test
    void commandsPipelinedBehindStartTlsAreDiscarded() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        List<Reply> replies = s.feed("STARTTLS\r\nMAIL FROM:<evil@attacker.test>\r\nRCPT TO:<alice@example.test>\r\nRSE");
        assertThat(replies).extracting(Reply::status).containsExactly("220 2.0.0");
        // more clear text before the handshake: also dropped
        assertThat(s.feed("T\r\nQUIT\r\n".getBytes(StandardCharsets.ISO_8859_1), false)).isEmpty();
        s.handshake();
        s.ehlo();
        s.cmd("RCPT TO:<alice@example.test>", "503 5.5.1");
        assertThat(s.connection.closed()).isFalse();
    }

    @Test
    void startTlsTwiceIsRefused() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.startTls();
        s.cmd("STARTTLS", "503 5.5.1");
    }

    @Test
    void smtpsHasNoStartTls() {
        SessionHarness s = new SessionHarness(ListenerRole.SMTPS);
        s.ehlo();
        s.cmd("STARTTLS", "503 5.5.1");
    }

    @Test
    void startTlsDuringATransactionIsABadSequence() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<a@elsewhere.test>", "250 2.1.0");
        s.cmd("STARTTLS", "503 5.5.1");
    }

    @Test
    void anAuthenticationDoesNotSurviveIntoAReusedConnectionState() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.startTls();
        s.cmd("MAIL FROM:<a@elsewhere.test>", "250 2.1.0");
        s.cmd("RCPT TO:<alice@example.test>", "250 2.1.5");
        s.cmd("RSET", "250 2.0.0");
        assertThat(s.session.hasTransaction()).isFalse();
    }
}
