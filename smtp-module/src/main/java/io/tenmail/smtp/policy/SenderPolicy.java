package io.tenmail.smtp.policy;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.ReversePath;
import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Principal;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may start a transaction with which envelope sender (MAIL FROM).
 * <ul>
 *   <li>Submission and SMTPS require an authenticated client (RFC 6409 §4.3): 530 5.7.0, and
 *       before TLS "Must issue a STARTTLS command first".
 *   <li>An authenticated client may only use an address its account may send as ({@link
 *       Directory#maySendAs}: its own, its aliases, groups that let members post), else 553 5.7.1,
 *       and not the null reverse path, which is for the server's own notifications.
 *   <li>Unauthenticated mail to the MX may carry any sender; SPF, DKIM and DMARC judge it later.
 * </ul>
 */
public final class SenderPolicy {

    private final Directory directory;

    public SenderPolicy(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The sender to record (empty for {@code <>}), or why MAIL is refused. */
    public Verdict<Optional<EmailAddress>> check(SmtpSession session, ReversePath path) throws StoreException {
        if (session.role().requiresAuth() && !session.isAuthenticated()) {
            return session.isTls()
                    ? Verdict.refuse(Replies.AUTH_REQUIRED, "MAIL before AUTH on " + session.role().protocolName())
                    : Verdict.refuse(Replies.MUST_ISSUE_STARTTLS, "MAIL before STARTTLS on " + session.role().protocolName());
        }
        Optional<EmailAddress> sender = Optional.empty();
        if (!path.isNull()) {
            sender = Addresses.of(path.mailbox().orElseThrow());
            if (sender.isEmpty()) return Verdict.refuse(Replies.SENDER_NOT_SUPPORTED, "sender form not supported: " + path);
        }
        Optional<Principal> principal = session.principal();
        if (principal.isPresent()) {
            if (sender.isEmpty()) return Verdict.refuse(Replies.SENDER_NOT_ALLOWED, "null sender from " + principal.get().address());
            if (!directory.maySendAs(principal.get().account(), sender.get())) {
                return Verdict.refuse(Replies.SENDER_NOT_ALLOWED, principal.get().address() + " may not send as " + sender.get());
            }
        }
        return Verdict.accept(sender);
    }
}
