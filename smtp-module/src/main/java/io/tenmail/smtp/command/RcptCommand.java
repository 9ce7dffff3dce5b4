package io.tenmail.smtp.command;

import io.tenmail.smtp.policy.RateLimits;
import io.tenmail.smtp.policy.RecipientPolicy;
import io.tenmail.smtp.policy.Verdict;
import io.tenmail.smtp.session.Envelope;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * RCPT TO: RFC 5321 §4.1.1.3; DSN parameters RFC 3461 §4. The recipient limit answers 452 4.5.3
 * (RFC 5321 §4.5.3.1.10: the client sends the rest in another transaction); what may be a
 * recipient is {@link RecipientPolicy}'s decision.
 */
final class RcptCommand implements SmtpCommandHandler {
    private static final Logger log = LoggerFactory.getLogger(RcptCommand.class);

    private final RecipientPolicy policy;
    private final RateLimits rateLimits;

    RcptCommand(RecipientPolicy policy) {
        this(policy, RateLimits.none());
    }

    RcptCommand(RecipientPolicy policy, RateLimits rateLimits) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
    }

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.RCPT;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) throws StoreException {
        if (session.envelope().recipientCount() >= session.settings().maxRecipients()) {
            log.info("refused RCPT TO:{}: more than {} recipients", line.forwardPath(), session.settings().maxRecipients());
            session.refuseRecipient();
            session.reply(Replies.TOO_MANY_RECIPIENTS);
            return;
        }
        Verdict<EmailAddress> verdict = policy.check(session, line.forwardPath());
        if (verdict instanceof Verdict.Refuse<EmailAddress> refuse) {
            log.info("refused RCPT TO:{}: {} ({})", line.forwardPath(), refuse.reply().status(), refuse.reason());
            session.refuseRecipient();
            session.reply(refuse.reply());
            return;
        }
        java.util.Optional<io.tenmail.smtp.wire.Reply> limited = rateLimits.recipient(session);
        if (limited.isPresent()) {
            session.refuseRecipient();
            session.reply(limited.get());
            return;
        }
        EmailAddress address = ((Verdict.Accept<EmailAddress>) verdict).value();
        session.addRecipient(new Envelope.Recipient(address, line.rcptParameters()));
        session.reply(Replies.RECIPIENT_OK);
    }
}
