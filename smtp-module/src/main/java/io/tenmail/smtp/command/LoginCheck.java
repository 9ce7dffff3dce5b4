package io.tenmail.smtp.command;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.sasl.SaslCredentials;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Checks the credentials of an AUTH exchange: the {@link LoginThrottle} first (a guess during a
 * lockout is refused without looking at the password, 454 4.7.0), then {@link
 * Directory#authenticate} for protocol SMTP. A wrong password or an unknown user gets the one
 * generic 535 5.7.8; the refusals that come only after the password was proven right (account
 * disabled, SMTP switched off, app password required) say so in clear text, so the user knows
 * what to fix. Logs one line per login, never the secret.
 */
final class LoginCheck {
    private static final Logger log = LoggerFactory.getLogger(LoginCheck.class);

    private final Directory directory;
    private final LoginThrottle throttle;

    LoginCheck(Directory directory, LoginThrottle throttle) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /** Authenticates the session if the credentials are good; returns the reply to send. */
    Reply verify(SmtpSession session, String mechanism, SaslCredentials credentials) {
        InetAddress client = session.clientAddress();
        String user = credentials.username();
        if (credentials.actsAsOther()) {
            // RFC 4616 §2: a server may refuse to let one identity act as another; this one does
            throttle.failed(client, user);
            return result(mechanism, user, "proxy-authorization", Replies.AUTH_FAILED);
        }
        LoginThrottle.Verdict allowed = throttle.check(client, user);
        if (!allowed.allowed()) {
            return result(mechanism, user, "throttled " + allowed.retryAfter().toSeconds() + "s", Replies.AUTH_THROTTLED);
        }
        AuthResult outcome;
        try {
            outcome = directory.authenticate(user, credentials.password(), Protocol.SMTP, client);
        } catch (StoreException e) {
            log.warn("cannot check a login: {} ({})", e.getMessage(), e.reason());
            return result(mechanism, user, "store-failure", Replies.AUTH_TEMPORARY_FAILURE);
        }
        return switch (outcome.failure()) {
            case NONE -> {
                throttle.succeeded(client, user);
                session.authenticated(outcome.principal().orElseThrow());
                yield result(mechanism, user, "ok", Replies.AUTH_SUCCEEDED);
            }
            case BAD_CREDENTIALS -> {
                throttle.failed(client, user);
                yield result(mechanism, user, "bad-credentials", Replies.AUTH_FAILED);
            }
            case DISABLED -> result(mechanism, user, "account-disabled", Replies.AUTH_ACCOUNT_DISABLED);
            case PROTOCOL_DISABLED -> result(mechanism, user, "smtp-disabled", Replies.AUTH_PROTOCOL_DISABLED);
            case APP_PASSWORD_REQUIRED -> result(mechanism, user, "app-password-required", Replies.AUTH_APP_PASSWORD_REQUIRED);
        };
    }

    private static Reply result(String mechanism, String user, String result, Reply reply) {
        log.info("login mechanism={} user={} result={} reply={}", mechanism, user, result, reply.status());
        return reply;
    }
}
