package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.InetAddress;

/**
 * The login decision shared by LOGIN and AUTHENTICATE: TLS required (except on loopback when so
 * configured), throttled guessing, the directory's verdict as a response code (RFC 5530), and the
 * account's default mailboxes made before its first session uses them.
 */
final class Authenticator {
    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    private final ImapBackend backend;
    private final Capabilities capabilities;

    Authenticator(ImapBackend backend, Capabilities capabilities) {
        this.backend = backend;
        this.capabilities = capabilities;
    }

    /** The refusal to send when a password may not be sent on this connection, or null. */
    StatusResponse privacyRequired(ImapSession session, String tag) {
        if (session.plaintextLoginAllowed()) return null;
        return StatusResponse.no(tag, ResponseCode.PRIVACYREQUIRED, "Use STARTTLS before logging in");
    }

    StatusResponse login(ImapSession session, String tag, String user, String secret, String mechanism) throws StoreException {
        InetAddress client = session.connection().remoteAddress();
        LoginThrottle.Verdict verdict = backend.throttle().check(client, user);
        if (!verdict.allowed()) {
            log.info("login user={} mechanism={} result=throttled retry-after={}s", user, mechanism, verdict.retryAfter().toSeconds());
            return StatusResponse.no(tag, ResponseCode.UNAVAILABLE, "Too many failed logins; try again later");
        }
        AuthResult result = backend.directory().authenticate(user, secret, Protocol.IMAP, client);
        if (!result.succeeded()) {
            backend.throttle().failed(client, user);
            log.info("login user={} mechanism={} result={}", user, mechanism, result.failure());
            return switch (result.failure()) {
                case PROTOCOL_DISABLED -> StatusResponse.no(tag, ResponseCode.AUTHORIZATIONFAILED,
                        "IMAP access is switched off for this account; ask your administrator");
                case DISABLED -> StatusResponse.no(tag, ResponseCode.AUTHORIZATIONFAILED,
                        "This account is disabled; ask your administrator");
                case APP_PASSWORD_REQUIRED -> StatusResponse.no(tag, ResponseCode.AUTHENTICATIONFAILED,
                        "This account requires an app password (authorization code) instead of the account password");
                default -> StatusResponse.no(tag, ResponseCode.AUTHENTICATIONFAILED, "Invalid user name or password");
            };
        }
        Principal principal = result.principal().orElseThrow();
        backend.throttle().succeeded(client, user);
        backend.store().ensureDefaultMailboxes(principal.account());
        session.login(principal);
        MDC.put("user", principal.address().toString());
        MDC.put("tenant", String.valueOf(principal.tenant().value()));
        log.info("login user={} mechanism={} result=ok", principal.address(), mechanism);
        return StatusResponse.ok(tag, "Logged in").withCode(ResponseCode.CAPABILITY, capabilities.of(session));
    }
}
