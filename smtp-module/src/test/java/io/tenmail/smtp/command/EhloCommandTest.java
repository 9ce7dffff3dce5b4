package io.tenmail.smtp.command;

import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpState;
import io.tenmail.smtp.wire.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EhloCommandTest {

    @Test
    void theMxAdvertisesTheExtensionsAndStartTlsButNoAuthBeforeTls() {
        SessionHarness s = SessionHarness.mx();
        Reply ehlo = s.cmd("EHLO client.example.test", "250");
        assertThat(ehlo.lines()).containsExactly("mx.example.test Hello [192.0.2.10]", "PIPELINING", "SIZE 10000", "STARTTLS",
                "ENHANCEDSTATUSCODES", "8BITMIME", "CHUNKING", "DSN", "SMTPUTF8");
    }

    @Test
    void afterTlsAuthIsOfferedAndStartTlsIsNot() {
        SessionHarness s = SessionHarness.submission();
        s.ehlo();
        s.startTls();
        Reply ehlo = s.cmd("EHLO client.example.test", "250");
        assertThat(ehlo.lines()).contains("AUTH PLAIN LOGIN", "AUTH=PLAIN LOGIN").doesNotContain("STARTTLS");
    }

    @Test
    void smtpsOffersAuthAtOnceAndNeverStartTls() {
        SessionHarness s = new SessionHarness(ListenerRole.SMTPS);
        assertThat(s.cmd("EHLO client.example.test", "250").lines()).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
    }

    @Test
    void theMxCanBeToldNotToOfferAuthEvenOverTls() {
        SessionHarness s = new SessionHarness(ListenerRole.MX, b -> b.mxAuth(false));
        s.ehlo();
        s.startTls();
        assertThat(s.cmd("EHLO client.example.test", "250").lines()).noneMatch(l -> l.startsWith("AUTH"));
    }

    @Test
    void heloGreetsWithoutExtensionsAndThenExtensionParametersAreUnknown() {
        SessionHarness s = SessionHarness.mx();
        assertThat(s.cmd("HELO client.example.test", "250").lines()).containsExactly("mx.example.test");
        s.cmd("MAIL FROM:<a@sender.test> SIZE=100", "555 5.5.4");
        s.cmd("MAIL FROM:<a@sender.test>", "250 2.1.0");
    }

    @Test
    void ehloInTheMiddleOfATransactionAbandonsIt() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.envelope("a@sender.test", "alice@example.test");
        s.ehlo();
        assertThat(s.session.state()).isEqualTo(SmtpState.GREETED);
        s.cmd("DATA", "503 5.5.1");
    }

    @Test
    void aNonconformingHeloNameIsAcceptedAndRecorded() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("EHLO my_pc", "250");
        assertThat(s.session.helo().orElseThrow().value()).isEqualTo("my_pc");
    }

    @Test
    void aVeryLongHeloNameDoesNotBreakTheReply() {
        SessionHarness s = SessionHarness.mx();
        String name = "a".repeat(60) + ".example.test";
        s.cmd("EHLO " + "x".repeat(900), "250");
        s.cmd("EHLO " + name, "250");
    }
}
