package io.tenmail.pop3.session;

import io.tenmail.pop3.session.Pop3Session.TransportAction;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pop3SessionTest {
    private static final Principal ALICE = new Principal(new AccountId(1), new TenantId(1), EmailAddress.parse("alice@example.test"));
    private final MaildropLocks locks = new MaildropLocks();

    static Pop3Session session(boolean stls, boolean implicitTls, boolean plaintextAllowed) {
        return new Pop3Session(new Pop3Session.Connection("t1", InetAddress.getLoopbackAddress(), stls, implicitTls, plaintextAllowed));
    }

    @Test
    void aSessionStartsInAuthorization() {
        Pop3Session session = session(true, false, false);
        assertThat(session.state()).isEqualTo(Pop3State.AUTHORIZATION);
        assertThat(session.isLoggedIn()).isFalse();
        assertThatThrownBy(session::maildrop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loginRequiresTlsUnlessPlaintextIsAllowedForTheClient() {
        assertThat(session(true, false, false).mayLogIn()).isFalse();
        assertThat(session(true, false, true).mayLogIn()).isTrue();
        assertThat(session(false, true, false).mayLogIn()).isTrue();
        Pop3Session upgraded = session(true, false, false);
        upgraded.tlsStarted();
        assertThat(upgraded.mayLogIn()).isTrue();
        assertThat(upgraded.stlsAvailable()).isFalse();
    }

    @Test
    void stlsIsOfferedOnlyOnTheStlsPortBeforeTls() {
        assertThat(session(true, false, true).stlsAvailable()).isTrue();
        assertThat(session(false, true, false).stlsAvailable()).isFalse();
    }

    @Test
    void startingTlsForgetsTheUserNameGivenInPlainText() {
        Pop3Session session = session(true, false, true);
        session.userGiven("mallory@example.test");
        session.tlsStarted();
        assertThat(session.user()).isNull();
    }

    @Test
    void aFailedLoginForgetsTheUserAndCountsFailures() {
        Pop3Session session = session(true, false, true);
        session.userGiven("alice@example.test");
        assertThat(session.loginFailed()).isEqualTo(1);
        assertThat(session.user()).isNull();
        assertThat(session.loginFailed()).isEqualTo(2);
    }

    @Test
    void anAbandonedLoginIsNotCountedAsAFailure() {
        Pop3Session session = session(true, false, true);
        session.userGiven("alice@example.test");
        session.abandonLogin();
        assertThat(session.user()).isNull();
        assertThat(session.loginFailed()).isEqualTo(1);
    }

    @Test
    void loginMovesToTransactionAndQuitToUpdate() {
        Pop3Session session = session(true, false, true);
        session.userGiven("alice@example.test");
        session.loggedIn(ALICE, locks.tryLock(ALICE.account()).orElseThrow(), new Maildrop(List.of()));
        assertThat(session.state()).isEqualTo(Pop3State.TRANSACTION);
        assertThat(session.user()).isNull();
        assertThatThrownBy(() -> session.userGiven("x")).isInstanceOf(IllegalStateException.class);
        session.enterUpdate();
        assertThat(session.state()).isEqualTo(Pop3State.UPDATE);
        session.removed(2);
        assertThat(session.removedCount()).isEqualTo(2);
    }

    @Test
    void updateIsOnlyReachableFromTransaction() {
        assertThatThrownBy(() -> session(true, false, true).enterUpdate()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releasingTheSessionReleasesTheMaildropLock() {
        Pop3Session session = session(true, false, true);
        session.loggedIn(ALICE, locks.tryLock(ALICE.account()).orElseThrow(), new Maildrop(List.of()));
        assertThat(locks.isLocked(ALICE.account())).isTrue();
        session.release();
        session.release();
        assertThat(locks.isLocked(ALICE.account())).isFalse();
    }

    @Test
    void transportRequestsAreTakenOnce() {
        Pop3Session session = session(true, false, true);
        session.requestStartTls();
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.START_TLS);
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.NONE);
        session.requestClose();
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.CLOSE);
    }
}
