package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.session.MaildropLocks;
import io.tenmail.pop3.session.MaildropLocks.MaildropLock;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * A login by USER/PASS or AUTH, from the throttle to the TRANSACTION state: checks the
 * {@link LoginThrottle}, authenticates through the {@link Directory} (which honours disabled
 * accounts, the POP3 switch and "app password required"), takes the maildrop lock and lists the
 * maildrop. Logs one INFO line per attempt with the user and mechanism, never the secret.
 */
final class Login {
    private static final Logger log = LoggerFactory.getLogger(Login.class);
    /** After this many failed logins on one connection it is closed; the throttle does the rest. */
    static final int MAX_FAILURES_PER_CONNECTION = 3;

    private final Directory directory;
    private final MaildropLoader loader;
    private final MaildropLocks locks;
    private final LoginThrottle throttle;

    Login(Directory directory, MaildropLoader loader, MaildropLocks locks, LoginThrottle throttle) {
        this.directory = directory;
        this.loader = loader;
        this.locks = locks;
        this.throttle = throttle;
    }

    /** Whether the session may try to log in now; answers the refusal, or null when it may. */
    static Reply refusePlaintext(Pop3Session session) {
        return session.mayLogIn() ? null : Replies.PLAINTEXT_REFUSED;
    }

    /**
     * Logs in {@code user} with {@code secret}.
     *
     * @param mechanism for the log: {@code USER}, {@code PLAIN} or {@code LOGIN}
     */
    Reply logIn(Pop3Session session, String user, String secret, String mechanism) throws StoreException {
        InetAddress client = session.client();
        String logged = printable(user);
        LoginThrottle.Verdict verdict = throttle.check(client, user);
        if (!verdict.allowed()) {
            session.abandonLogin();
            log.info("login user={} mechanism={} result=throttled retry-after-ms={}", logged, mechanism, verdict.retryAfter().toMillis());
            return Replies.throttled(verdict.retryAfter());
        }

        AuthResult result;
        try {
            result = directory.authenticate(user, secret, Protocol.POP3, client);
        } catch (StoreException e) {
            session.abandonLogin();
            log.info("login user={} mechanism={} result=unavailable reason={}", logged, mechanism, e.reason());
            throw e;
        }
        if (!result.succeeded()) return refused(session, user, mechanism, result.failure());
        throttle.succeeded(client, user);

        Principal principal = result.principal().orElseThrow();
        Optional<MaildropLock> lock = locks.tryLock(principal.account());
        if (lock.isEmpty()) {
            session.abandonLogin();
            log.info("login user={} mechanism={} result=in-use", logged, mechanism);
            return Replies.MAILDROP_IN_USE;
        }
        Maildrop maildrop;
        try {
            maildrop = loader.load(principal.account());
        } catch (StoreException | RuntimeException e) {
            lock.get().close();
            session.abandonLogin();
            log.info("login user={} mechanism={} result=maildrop-unavailable", logged, mechanism);
            throw e;
        }
        session.loggedIn(principal, lock.get(), maildrop);
        log.info("login user={} mechanism={} result=ok messages={} octets={}", logged, mechanism,
                maildrop.visibleCount(), maildrop.visibleOctets());
        return Replies.loggedIn(maildrop.visibleCount(), maildrop.visibleOctets());
    }

    /** A refused SASL identity (proxy authorization) counts as a failed login. */
    Reply refuse(Pop3Session session, String user, String mechanism, String why) {
        throttle.failed(session.client(), user);
        int failures = session.loginFailed();
        log.info("login user={} mechanism={} result={}", printable(user), mechanism, why);
        closeAfterTooMany(session, failures);
        return Replies.PROXY_LOGIN_REFUSED;
    }

    private Reply refused(Pop3Session session, String user, String mechanism, AuthResult.Failure failure) {
        throttle.failed(session.client(), user);
        int failures = session.loginFailed();
        log.info("login user={} mechanism={} result={}", printable(user), mechanism, failure.name().toLowerCase(Locale.ROOT));
        closeAfterTooMany(session, failures);
        return switch (failure) {
            case DISABLED -> Replies.ACCOUNT_DISABLED;
            case PROTOCOL_DISABLED -> Replies.POP3_DISABLED;
            case APP_PASSWORD_REQUIRED -> Replies.APP_PASSWORD_REQUIRED;
            case BAD_CREDENTIALS, NONE -> Replies.AUTH_FAILED;
        };
    }

    /** The user name for a log line: a SASL identity may hold any character but NUL, line breaks included. */
    static String printable(String user) {
        StringBuilder sb = new StringBuilder(Math.min(user.length(), 100));
        for (int i = 0; i < user.length() && sb.length() < 100; i++) {
            char c = user.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    private static void closeAfterTooMany(Pop3Session session, int failures) {
        if (failures >= MAX_FAILURES_PER_CONNECTION) session.requestClose();
    }
}
