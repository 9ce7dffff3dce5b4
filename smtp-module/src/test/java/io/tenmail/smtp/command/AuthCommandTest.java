package io.tenmail.smtp.command;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.sasl.SaslLogin;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.storage.StoreException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AuthCommandTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SessionHarness secured() {
        SessionHarness s = SessionHarness.submission();
        s.ehlo();
        s.startTls();
        return s;
    }

    @Test
    void plainWithAnInitialResponseLogsIn() {
        SessionHarness s = secured();
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "alice-pw"), "235 2.7.0");
        assertThat(s.session.principal().orElseThrow().address().toString()).isEqualTo("alice@example.test");
    }

    @Test
    void plainWithoutAnInitialResponseAsksWithAnEmptyChallenge() {
        SessionHarness s = secured();
        assertThat(s.cmd("AUTH PLAIN", "334").render()).isEqualTo("334 \r\n");
        s.cmd(SessionHarness.plain("alice@example.test", "alice-pw"), "235 2.7.0");
    }

    @Test
    void loginAsksForUserNameAndPassword() {
        SessionHarness s = secured();
        assertThat(s.cmd("AUTH LOGIN", "334").lines()).containsExactly(SaslLogin.USERNAME_CHALLENGE);
        assertThat(s.cmd(b64("bob@example.test"), "334").lines()).containsExactly(SaslLogin.PASSWORD_CHALLENGE);
        s.cmd(b64("bob-pw"), "235 2.7.0");
    }

    @Test
    void loginWithTheUserNameAsInitialResponseAsksOnlyForThePassword() {
        SessionHarness s = secured();
        assertThat(s.cmd("AUTH LOGIN " + b64("bob@example.test"), "334").lines()).containsExactly(SaslLogin.PASSWORD_CHALLENGE);
        s.cmd(b64("bob-pw"), "235 2.7.0");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        SessionHarness s = secured();
        String wrong = s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "guess"), "535 5.7.8").render();
        String unknown = s.cmd("AUTH PLAIN " + SessionHarness.plain("nobody@example.test", "guess"), "535 5.7.8").render();
        assertThat(wrong).isEqualTo(unknown);
        assertThat(s.session.isAuthenticated()).isFalse();
    }

    @Test
    void refusalsAfterTheRightPasswordSayWhatIsWrong() {
        SessionHarness s = secured();
        assertThat(s.cmd("AUTH PLAIN " + SessionHarness.plain("carol@example.test", "carol-pw"), "535 5.7.8").lines().get(0))
                .contains("SMTP is disabled");
        assertThat(s.cmd("AUTH PLAIN " + SessionHarness.plain("dave@example.test", "dave-pw"), "535 5.7.8").lines().get(0))
                .contains("app password");
        assertThat(s.cmd("AUTH PLAIN " + SessionHarness.plain("erin@example.test", "erin-pw"), "535 5.7.8").lines().get(0))
                .contains("disabled");
    }

    @Test
    void authBeforeTlsIsRefusedWithoutLookingAtTheCredentials() {
        SessionHarness s = SessionHarness.submission();
        s.ehlo();
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "alice-pw"), "530 5.7.0");
        assertThat(s.directory.authentications).isZero();
    }

    @Test
    void theMxWithAuthSwitchedOffRefusesAuth() {
        SessionHarness s = new SessionHarness(ListenerRole.MX, b -> b.mxAuth(false));
        s.ehlo();
        s.startTls();
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "alice-pw"), "503 5.5.1");
    }

    @Test
    void theClientMayCancelWithAStar() {
        SessionHarness s = secured();
        s.cmd("AUTH LOGIN", "334");
        s.cmd("*", "501 5.7.0");
        s.cmd("NOOP", "250 2.0.0");
    }

    @Test
    void responsesThatAreNotBase64OrNotPlainAreRefused() {
        SessionHarness s = secured();
        s.cmd("AUTH PLAIN not_base64!", "501 5.5.2");
        s.cmd("AUTH PLAIN " + b64("no-nul-separators"), "501 5.5.2");
        s.cmd("AUTH PLAIN", "334");
        s.cmd("%%%", "501 5.5.2");
    }

    @Test
    void anUnknownMechanismIsRefused() {
        secured().cmd("AUTH CRAM-MD5", "504 5.5.4");
    }

    @Test
    void actingAsSomeoneElseIsRefused() {
        SessionHarness s = secured();
        String proxy = Base64.getEncoder().encodeToString("bob@example.test\0alice@example.test\0alice-pw".getBytes(StandardCharsets.UTF_8));
        s.cmd("AUTH PLAIN " + proxy, "535 5.7.8");
    }

    @Test
    void authTwiceOrDuringATransactionIsRefused() {
        SessionHarness s = secured();
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "alice-pw"), "235 2.7.0");
        s.cmd("AUTH PLAIN " + SessionHarness.plain("bob@example.test", "bob-pw"), "503 5.5.1");
        SessionHarness t = secured();
        t.session.authenticated(new io.tenmail.storage.model.Principal(new io.tenmail.storage.model.AccountId(1),
                new io.tenmail.storage.model.TenantId(1), io.tenmail.storage.model.EmailAddress.parse("alice@example.test")));
        t.cmd("MAIL FROM:<alice@example.test>", "250 2.1.0");
        t.cmd("AUTH PLAIN " + SessionHarness.plain("bob@example.test", "bob-pw"), "503 5.5.1");
    }

    @Test
    void afterTooManyFailuresTheThrottleAnswersTemporarilyWithoutCheckingThePassword() {
        LoginThrottle.Policy strict = new LoginThrottle.Policy(1, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
        SessionHarness s = new SessionHarness(ListenerRole.SUBMISSION, b -> { },
                new LoginThrottle(strict, strict, 100, SessionHarness.CLOCK));
        s.ehlo();
        s.startTls();
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "guess1"), "535 5.7.8");
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "guess2"), "535 5.7.8");
        int checked = s.directory.authentications;
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "alice-pw"), "454 4.7.0");
        assertThat(s.directory.authentications).isEqualTo(checked);
    }

    @Test
    void aDirectoryFailureIsATemporaryAuthenticationFailure() {
        SessionHarness s = secured();
        s.directory.failure = new StoreException(StoreException.Reason.TEMPORARY, "database down");
        s.cmd("AUTH PLAIN " + SessionHarness.plain("alice@example.test", "alice-pw"), "454 4.7.0");
    }

    @Test
    void saslResponseLinesMayBeLongerThanCommandLines() {
        SessionHarness s = secured();
        s.cmd("AUTH PLAIN", "334");
        String longPassword = "p".repeat(200);
        s.cmd(SessionHarness.plain("alice@example.test", longPassword), "535 5.7.8");
        s.cmd("AUTH PLAIN", "334");
        s.cmd("A".repeat(4000), "501 5.5.2");
        s.cmd("NOOP " + "x".repeat(1100), "500 5.5.2");
    }
}
