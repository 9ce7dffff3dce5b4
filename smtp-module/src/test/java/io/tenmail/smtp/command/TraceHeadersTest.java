package io.tenmail.smtp.command;

import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TraceHeadersTest {
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2025-07-01T12:00:00+02:00");

    @Test
    void theDateIsRfc5322WithANumericZoneInUtc() {
        assertThat(TraceHeaders.date(NOW)).isEqualTo("Tue, 1 Jul 2025 10:00:00 +0000");
    }

    @Test
    void theProtocolKeywordSaysTlsAuthAndUtf8() {
        SessionHarness s = SessionHarness.submission();
        s.login("alice@example.test", "alice-pw");
        s.cmd("MAIL FROM:<alice@example.test> SMTPUTF8", "250 2.1.0");
        assertThat(TraceHeaders.protocol(s.session, s.session.envelope())).isEqualTo("UTF8SMTPSA");
        SessionHarness helo = SessionHarness.mx();
        helo.cmd("HELO client.example.test", "250");
        helo.cmd("MAIL FROM:<a@elsewhere.test>", "250 2.1.0");
        assertThat(TraceHeaders.protocol(helo.session, helo.session.envelope())).isEqualTo("SMTP");
    }

    @Test
    void aNonconformingHeloGoesIntoACommentWithParenthesesQuoted() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("EHLO my(pc)", "250");
        s.envelope("a@elsewhere.test", "alice@example.test");
        assertThat(TraceHeaders.received(s.session, s.session.envelope(), NOW))
                .startsWith("Received: from [192.0.2.10] (HELO my\\(pc\\))\r\n\tby mx.example.test");
    }

    @Test
    void severalRecipientsAreNotNamed() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.envelope("a@elsewhere.test", "alice@example.test");
        s.cmd("RCPT TO:<bob@example.test>", "250 2.1.5");
        assertThat(TraceHeaders.received(s.session, s.session.envelope(), NOW)).doesNotContain("for <");
    }

    @Test
    void smtpsShowsTheCipherInTheReceivedHeader() {
        SessionHarness s = new SessionHarness(ListenerRole.SMTPS);
        s.login("alice@example.test", "alice-pw");
        s.envelope("alice@example.test", "bob@example.test");
        assertThat(TraceHeaders.received(s.session, s.session.envelope(), NOW))
                .contains("\r\n\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256)\r\n", "with ESMTPSA id s1.1");
    }
}
