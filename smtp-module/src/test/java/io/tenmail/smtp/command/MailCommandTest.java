package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailCommandTest {

    @Test
    void theMxTakesAnySenderFromAnyone() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<someone@elsewhere.test>", "250 2.1.0");
        assertThat(s.session.state()).isEqualTo(SmtpState.MAIL_GIVEN);
        assertThat(s.session.envelope().sender().orElseThrow().toString()).isEqualTo("someone@elsewhere.test");
    }

    @Test
    void theNullReversePathIsAcceptedOnTheMx() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<>", "250 2.1.0");
        assertThat(s.session.envelope().sender()).isEmpty();
    }

    @Test
    void mailBeforeHelloIsABadSequence() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("MAIL FROM:<a@sender.test>", "503 5.5.1");
    }

    @Test
    void aSecondMailInOneTransactionIsRefused() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<a@sender.test>", "250 2.1.0");
        s.cmd("MAIL FROM:<b@sender.test>", "503 5.5.1");
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeAnyData() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<a@sender.test> SIZE=10001", "552 5.3.4");
        s.cmd("MAIL FROM:<a@sender.test> SIZE=10000", "250 2.1.0");
    }

    @Test
    void submissionWantsStartTlsThenAuthBeforeMail() {
        SessionHarness s = SessionHarness.submission();
        s.ehlo();
        assertThat(s.cmd("MAIL FROM:<alice@example.test>", "530 5.7.0").lines().get(0)).contains("STARTTLS");
        s.startTls();
        s.cmd("MAIL FROM:<alice@example.test>", "530 5.7.0");
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "alice-pw"), "235 2.7.0");
        s.cmd("MAIL FROM:<alice@example.test>", "250 2.1.0");
    }

    @Test
    void anAuthenticatedUserMaySendAsItselfAndItsAliasesOnly() {
        SessionHarness s = SessionHarness.submission();
        s.login("alice@example.test", "alice-pw");
        s.cmd("MAIL FROM:<Alice@Example.Test>", "250 2.1.0");
        s.cmd("RSET", "250 2.0.0");
        s.cmd("MAIL FROM:<sales@example.test>", "250 2.1.0");
        s.cmd("RSET", "250 2.0.0");
        s.cmd("MAIL FROM:<bob@example.test>", "553 5.7.1");
        s.cmd("MAIL FROM:<ceo@bank.test>", "553 5.7.1");
    }

    @Test
    void anAuthenticatedUserMayNotUseTheNullReversePath() {
        SessionHarness s = SessionHarness.submission();
        s.login("alice@example.test", "alice-pw");
        s.cmd("MAIL FROM:<>", "553 5.7.1");
    }

    @Test
    void anAddressLiteralSenderIsNotSupported() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<a@[192.0.2.1]>", "553 5.1.7");
    }

    @Test
    void aUtf8SenderNeedsTheSmtpUtf8Parameter() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.feed("MAIL FROM:<j\u00f6rg@example.test>\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(s.connection.sent().get(s.connection.sent().size() - 1).status()).isEqualTo("553 5.6.7");
        s.feed("MAIL FROM:<j\u00f6rg@example.test> SMTPUTF8\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(s.connection.sent().get(s.connection.sent().size() - 1).status()).isEqualTo("250 2.1.0");
    }
}
