package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpState;
import io.tenmail.storage.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RcptCommandTest {

    private static SessionHarness mxWithMail(String from) {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<" + from + ">", "250 2.1.0");
        return s;
    }

    @Test
    void aLocalRecipientIsAccepted() {
        SessionHarness s = mxWithMail("someone@elsewhere.test");
        s.cmd("RCPT TO:<alice@example.test>", "250 2.1.5");
        assertThat(s.session.state()).isEqualTo(SmtpState.RCPT_GIVEN);
    }

    @Test
    void rcptForUnknownLocalUserIsRefused() {
        mxWithMail("someone@elsewhere.test").cmd("RCPT TO:<nobody@example.test>", "550 5.1.1");
    }

    @Test
    void relayToAnotherDomainIsDeniedWithoutAuthentication() {
        mxWithMail("alice@example.test").cmd("RCPT TO:<victim@elsewhere.test>", "550 5.7.1");
    }

    @Test
    void anAuthenticatedClientMayRelay() {
        SessionHarness s = SessionHarness.submission();
        s.login("alice@example.test", "alice-pw");
        s.cmd("MAIL FROM:<alice@example.test>", "250 2.1.0");
        s.cmd("RCPT TO:<friend@elsewhere.test>", "250 2.1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<victim%elsewhere.test@example.test>",      // percent hack
            "<elsewhere.test!victim@example.test>",      // bang path
            "<\"victim@elsewhere.test\"@example.test>",  // quoted local part with an address
            "<@example.test:victim@elsewhere.test>",     // source route
            "<@elsewhere.test:alice@example.test>",      // source route to a real user
            "<victim@[192.0.2.1]>"                       // address literal
    })
    void classicRelayTricksAreRefusedFromUnauthenticatedClients(String path) {
        mxWithMail("someone@elsewhere.test").cmd("RCPT TO:" + path, "550 5.7.1");
    }

    @Test
    void relayTricksForOurOwnDomainsAreRefusedEvenAfterAuthentication() {
        SessionHarness s = SessionHarness.submission();
        s.login("alice@example.test", "alice-pw");
        s.cmd("MAIL FROM:<alice@example.test>", "250 2.1.0");
        s.cmd("RCPT TO:<team%elsewhere.test@example.test>", "550 5.7.1");
    }

    @Test
    void aGroupRefusesSendersItsPolicyDoesNotAdmit() {
        mxWithMail("stranger@elsewhere.test").cmd("RCPT TO:<team@example.test>", "550 5.7.1");
        mxWithMail("alice@example.test").cmd("RCPT TO:<team@example.test>", "250 2.1.5");
        mxWithMail("stranger@elsewhere.test").cmd("RCPT TO:<all@example.test>", "250 2.1.5");
    }

    @Test
    void aBounceIsJudgedAsMailerDaemonByGroupPolicies() {
        mxWithMail("").cmd("RCPT TO:<team@example.test>", "550 5.7.1");
        mxWithMail("").cmd("RCPT TO:<all@example.test>", "250 2.1.5");
    }

    @Test
    void postmasterIsAlwaysAccepted() {
        SessionHarness s = mxWithMail("someone@elsewhere.test");
        s.cmd("RCPT TO:<Postmaster>", "250 2.1.5");
        s.cmd("RCPT TO:<postmaster@example.test>", "250 2.1.5");
        assertThat(s.session.envelope().recipients()).extracting(r -> r.address().toString())
                .containsExactly("postmaster@mx.example.test");
    }

    @Test
    void theRecipientLimitAnswers452AndKeepsTheOthers() {
        SessionHarness s = mxWithMail("someone@elsewhere.test");
        s.cmd("RCPT TO:<alice@example.test>", "250 2.1.5");
        s.cmd("RCPT TO:<bob@example.test>", "250 2.1.5");
        s.cmd("RCPT TO:<all@example.test>", "250 2.1.5");
        s.cmd("RCPT TO:<carol@example.test>", "452 4.5.3");
        assertThat(s.session.envelope().recipientCount()).isEqualTo(3);
    }

    @Test
    void aRecipientGivenTwiceIsKeptOnce() {
        SessionHarness s = mxWithMail("someone@elsewhere.test");
        s.cmd("RCPT TO:<alice@example.test>", "250 2.1.5");
        s.cmd("RCPT TO:<ALICE@example.test>", "250 2.1.5");
        assertThat(s.session.envelope().recipientCount()).isEqualTo(1);
    }

    @Test
    void rcptBeforeMailIsABadSequence() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("RCPT TO:<alice@example.test>", "503 5.5.1");
        s.ehlo();
        s.cmd("RCPT TO:<alice@example.test>", "503 5.5.1");
    }

    @Test
    void dsnParametersAreKeptWithTheRecipient() {
        SessionHarness s = mxWithMail("someone@elsewhere.test");
        s.cmd("RCPT TO:<alice@example.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;alice+2B1@example.test", "250 2.1.5");
        var recipient = s.session.envelope().recipients().get(0);
        assertThat(recipient.parameters().notifyOn()).hasSize(2);
        assertThat(recipient.parameters().originalRecipient().orElseThrow().address()).isEqualTo("alice+1@example.test");
    }

    @Test
    void aDirectoryFailureIsATemporaryError() {
        SessionHarness s = mxWithMail("someone@elsewhere.test");
        s.directory.failure = new StoreException(StoreException.Reason.TEMPORARY, "database down");
        s.cmd("RCPT TO:<alice@example.test>", "451 4.3.0");
        s.directory.failure = null;
        s.cmd("RCPT TO:<alice@example.test>", "250 2.1.5");
    }
}
