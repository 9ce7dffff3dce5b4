package io.tenmail.pop3.command;

import io.tenmail.pop3.session.MaildropLocks;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.session.Pop3Session.TransportAction;
import io.tenmail.pop3.session.Pop3State;
import io.tenmail.pop3.wire.Continuation;
import io.tenmail.pop3.wire.InputLine;
import io.tenmail.pop3.wire.MultiLine;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.pop3.wire.Response;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher and the handlers of the AUTHORIZATION state, without a database: the directory
 * answers what each test needs, and the stores only fail (STYLE.md §4: fakes inject failures).
 * Everything after login runs against the real store in the {@code it} tests.
 */
class CommandDispatcherTest {
    private static final Principal ALICE = new Principal(new AccountId(1), new TenantId(1), EmailAddress.parse("alice@example.test"));

    /** What the directory was asked, and what it answers. */
    private final List<String> logins = new ArrayList<>();
    private AuthResult answer = AuthResult.failure(AuthResult.Failure.BAD_CREDENTIALS);
    private StoreException directoryFailure;
    private RuntimeException directoryBug;

    private final Directory directory = new Directory() {
        @Override
        public AuthResult authenticate(String user, String secret, Protocol protocol, InetAddress client) throws StoreException {
            logins.add(user + ":" + secret + ":" + protocol);
            if (directoryBug != null) throw directoryBug;
            if (directoryFailure != null) throw directoryFailure;
            return answer;
        }

        @Override
        public Resolution resolve(EmailAddress recipient) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean mayPost(GroupId group, EmailAddress sender) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean maySendAs(AccountId account, EmailAddress from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Account> findAccount(EmailAddress address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Account> findAccount(AccountId id) {
            throw new UnsupportedOperationException();
        }
    };

    private static <T> T failing(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new StoreException(Reason.TEMPORARY, "database unavailable");
        }));
    }

    private final MaildropLocks locks = new MaildropLocks();
    private LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(1000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new LoginThrottle.Policy(1000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), 100, Clock.systemUTC());

    private CommandDispatcher dispatcher() {
        return CommandDispatcher.create(directory, failing(MailboxStore.class), failing(BlobStore.class), throttle, locks, false);
    }

    private static Pop3Session plaintextAllowed() {
        return new Pop3Session(new Pop3Session.Connection("t", InetAddress.getLoopbackAddress(), true, false, true));
    }

    private static Pop3Session plaintextRefused() {
        return new Pop3Session(new Pop3Session.Connection("t", InetAddress.getLoopbackAddress(), true, false, false));
    }

    private static String line(Response response) {
        if (response instanceof Reply reply) return reply.line();
        if (response instanceof MultiLine lines) return lines.status().line() + " " + String.join(",", lines.lines());
        if (response instanceof Continuation c) return "+ " + c.base64();
        return response.toString();
    }

    private String send(Pop3Session session, String text) {
        return line(dispatcher().dispatch(session, InputLine.of(text)));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandsAreRefusedAndTheSessionGoesOn() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "APOP alice 1234")).startsWith("-ERR Unknown command");
        assertThat(send(session, "HELO")).startsWith("-ERR Unknown command");
        assertThat(send(session, "CAPA")).startsWith("+OK");
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.NONE);
    }

    @Test
    void transactionCommandsBeforeLoginAreRefused() {
        Pop3Session session = plaintextAllowed();
        for (String command : List.of("STAT", "LIST", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 0", "UIDL")) {
            assertThat(send(session, command)).as(command).startsWith("-ERR").contains("not allowed before login");
        }
        assertThat(session.state()).isEqualTo(Pop3State.AUTHORIZATION);
    }

    @Test
    void overLongAndMalformedLinesGetAReason() {
        Pop3Session session = plaintextAllowed();
        assertThat(line(dispatcher().dispatch(session, InputLine.TOO_LONG))).isEqualTo("-ERR Line too long");
        assertThat(send(session, "")).isEqualTo("-ERR Empty command");
        assertThat(send(session, "USER a\u0001")).startsWith("-ERR Control character");
        assertThat(send(session, "CAPA extra")).isEqualTo("-ERR CAPA takes no arguments");
    }

    @Test
    void capaBeforeTlsOffersStlsButNoPasswordLogin() {
        assertThat(send(plaintextRefused(), "CAPA")).contains("STLS").doesNotContain("USER").doesNotContain("SASL");
        assertThat(send(plaintextAllowed(), "CAPA")).contains("USER", "SASL PLAIN LOGIN", "STLS", "UIDL", "TOP", "RESP-CODES",
                "PIPELINING");
    }

    @Test
    void capaAfterTlsOffersLoginAndNoStls() {
        Pop3Session session = plaintextRefused();
        session.tlsStarted();
        assertThat(send(session, "CAPA")).contains("USER", "SASL PLAIN LOGIN").doesNotContain("STLS");
    }

    @Test
    void plaintextLoginIsRefusedBeforeTlsWithTheAuthCode() {
        Pop3Session session = plaintextRefused();
        assertThat(send(session, "USER alice@example.test")).startsWith("-ERR [AUTH]");
        assertThat(send(session, "PASS secret")).startsWith("-ERR [AUTH]");
        assertThat(send(session, "AUTH PLAIN " + b64("\0alice@example.test\0secret"))).startsWith("-ERR [AUTH]");
        assertThat(logins).isEmpty();
    }

    @Test
    void stlsAsksTheTransportForTlsOnceOnly() {
        Pop3Session session = plaintextRefused();
        assertThat(send(session, "STLS")).startsWith("+OK");
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.START_TLS);
        session.tlsStarted();
        assertThat(send(session, "STLS")).startsWith("-ERR");
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.NONE);
    }

    @Test
    void stlsOnTheImplicitTlsPortIsRefused() {
        Pop3Session session = new Pop3Session(new Pop3Session.Connection("t", InetAddress.getLoopbackAddress(), false, true, false));
        assertThat(send(session, "STLS")).startsWith("-ERR");
        assertThat(send(session, "CAPA")).doesNotContain("STLS");
    }

    @Test
    void passWithoutUserIsRefused() {
        assertThat(send(plaintextAllowed(), "PASS secret")).isEqualTo("-ERR Send USER first");
    }

    @Test
    void aWrongPasswordIsAnAuthErrorAndForgetsTheUser() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "USER alice@example.test")).startsWith("+OK");
        assertThat(send(session, "PASS two words")).startsWith("-ERR [AUTH]");
        assertThat(logins).containsExactly("alice@example.test:two words:POP3");
        assertThat(send(session, "PASS again")).isEqualTo("-ERR Send USER first");
    }

    @Test
    void theThirdFailureClosesTheConnection() {
        Pop3Session session = plaintextAllowed();
        for (int i = 1; i <= 3; i++) {
            send(session, "USER alice@example.test");
            assertThat(send(session, "PASS wrong")).startsWith("-ERR [AUTH]");
            assertThat(session.takeTransportAction()).isEqualTo(i < 3 ? TransportAction.NONE : TransportAction.CLOSE);
        }
    }

    @Test
    void accountsWithPop3OffOrNeedingAppPasswordsHearWhy() {
        Pop3Session session = plaintextAllowed();
        answer = AuthResult.failure(AuthResult.Failure.PROTOCOL_DISABLED);
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS secret")).startsWith("-ERR [AUTH]").contains("POP3");
        answer = AuthResult.failure(AuthResult.Failure.APP_PASSWORD_REQUIRED);
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS secret")).startsWith("-ERR [AUTH]").contains("app password");
        answer = AuthResult.failure(AuthResult.Failure.DISABLED);
        assertThat(send(session, "AUTH PLAIN " + b64("\0alice@example.test\0secret"))).startsWith("-ERR [AUTH]").contains("disabled");
    }

    @Test
    void aDirectoryOutageIsATemporaryError() {
        directoryFailure = new StoreException(Reason.TEMPORARY, "database down");
        Pop3Session session = plaintextAllowed();
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS secret")).startsWith("-ERR [SYS/TEMP]");
        assertThat(session.state()).isEqualTo(Pop3State.AUTHORIZATION);
        assertThat(session.user()).isNull();
    }

    @Test
    void aMaildropThatCannotBeListedIsATemporaryErrorAndReleasesTheLock() {
        answer = AuthResult.success(ALICE);
        Pop3Session session = plaintextAllowed();
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS secret")).startsWith("-ERR [SYS/TEMP]");
        assertThat(session.state()).isEqualTo(Pop3State.AUTHORIZATION);
        assertThat(locks.isLocked(ALICE.account())).isFalse();
    }

    @Test
    void aLockedMaildropIsInUse() {
        answer = AuthResult.success(ALICE);
        var held = locks.tryLock(ALICE.account()).orElseThrow();
        Pop3Session session = plaintextAllowed();
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS secret")).startsWith("-ERR [IN-USE]");
        assertThat(session.state()).isEqualTo(Pop3State.AUTHORIZATION);
        held.close();
    }

    @Test
    void throttledLoginsAreRefusedWithoutAskingTheDirectory() {
        throttle = new LoginThrottle(new LoginThrottle.Policy(1000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new LoginThrottle.Policy(0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)), 100, Clock.systemUTC());
        Pop3Session session = plaintextAllowed();
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS wrong")).startsWith("-ERR [AUTH]");
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS right")).startsWith("-ERR [SYS/TEMP]").contains("try again in");
        assertThat(logins).hasSize(1);
    }

    @Test
    void authPlainWithAnInitialResponse() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "AUTH PLAIN " + b64("\0alice@example.test\0s3cret"))).startsWith("-ERR [AUTH]");
        assertThat(logins).containsExactly("alice@example.test:s3cret:POP3");
    }

    @Test
    void authPlainWithoutAnInitialResponseAsksForIt() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "auth plain")).isEqualTo("+ ");
        assertThat(send(session, b64("alice@example.test\0alice@example.test\0s3cret"))).startsWith("-ERR [AUTH]");
        assertThat(logins).containsExactly("alice@example.test:s3cret:POP3");
        assertThat(session.sasl()).isNull();
    }

    @Test
    void authLoginAsksForUserNameAndPassword() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "AUTH LOGIN")).isEqualTo("+ VXNlcm5hbWU6");
        assertThat(send(session, b64("alice@example.test"))).isEqualTo("+ UGFzc3dvcmQ6");
        assertThat(send(session, b64("s3cret"))).startsWith("-ERR [AUTH]");
        assertThat(logins).containsExactly("alice@example.test:s3cret:POP3");
    }

    @Test
    void authLoginWithTheUserNameAsInitialResponse() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "AUTH LOGIN " + b64("alice@example.test"))).isEqualTo("+ UGFzc3dvcmQ6");
        send(session, b64("s3cret"));
        assertThat(logins).containsExactly("alice@example.test:s3cret:POP3");
    }

    @Test
    void aStarCancelsTheExchange() {
        Pop3Session session = plaintextAllowed();
        send(session, "AUTH LOGIN");
        assertThat(send(session, "*")).startsWith("-ERR");
        assertThat(session.sasl()).isNull();
        assertThat(send(session, "CAPA")).startsWith("+OK");
        assertThat(logins).isEmpty();
    }

    @Test
    void malformedSaslResponsesEndTheExchangeWithAReason() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "AUTH PLAIN not*base64")).startsWith("-ERR").contains("base64");
        send(session, "AUTH PLAIN");
        assertThat(send(session, b64("no-nuls-here"))).startsWith("-ERR");
        assertThat(session.sasl()).isNull();
        assertThat(line(dispatcher().dispatch(session, InputLine.TOO_LONG))).startsWith("-ERR");
        assertThat(logins).isEmpty();
    }

    @Test
    void loggingInAsSomeoneElseIsRefused() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "AUTH PLAIN " + b64("bob@example.test\0alice@example.test\0secret"))).startsWith("-ERR [AUTH]");
        assertThat(logins).isEmpty();
    }

    @Test
    void authWithoutArgumentsListsMechanismsAndUnknownOnesAreRefused() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "AUTH")).startsWith("+OK").endsWith("PLAIN,LOGIN");
        assertThat(send(session, "AUTH CRAM-MD5")).startsWith("-ERR").contains("CRAM-MD5");
        assertThat(session.sasl()).isNull();
    }

    @Test
    void quitBeforeLoginSaysByeAndCloses() {
        Pop3Session session = plaintextAllowed();
        assertThat(send(session, "QUIT")).startsWith("+OK");
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.CLOSE);
    }

    @Test
    void aBugIsAnInternalErrorWithAReferenceAndClosesTheConnection() {
        directoryBug = new IllegalStateException("bug");
        Pop3Session session = plaintextAllowed();
        send(session, "USER alice@example.test");
        assertThat(send(session, "PASS secret")).matches("-ERR \\[SYS/TEMP] Internal error, ref [0-9a-f]{6}");
        assertThat(session.takeTransportAction()).isEqualTo(TransportAction.CLOSE);
    }
}
