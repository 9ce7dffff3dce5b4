package io.tenmail.smtp.policy;

import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.Reply;

import java.util.Optional;

/**
 * Where AUTH is offered: only on a TLS-protected connection (RFC 8314 §3, and the issue's rule
 * "authentication only after TLS", also on submission, so no password ever crosses the network in
 * clear), on the submission listeners always, on the MX when {@code tenmail.smtp.mx-auth} allows.
 */
public final class AuthPolicy {

    private AuthPolicy() {
    }

    /** Whether EHLO advertises AUTH and AUTH may proceed now. */
    public static boolean offered(SmtpSession session) {
        return session.isTls() && enabled(session);
    }

    /** Why AUTH cannot proceed now, or empty if it can. */
    public static Optional<Reply> refusal(SmtpSession session) {
        if (!enabled(session)) return Optional.of(Replies.AUTH_NOT_AVAILABLE);
        if (!session.isTls()) return Optional.of(Replies.MUST_ISSUE_STARTTLS);
        return Optional.empty();
    }

    private static boolean enabled(SmtpSession session) {
        return session.role() != ListenerRole.MX || session.settings().mxAuth();
    }
}
