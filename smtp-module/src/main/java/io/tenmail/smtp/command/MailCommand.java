package io.tenmail.smtp.command;

import io.tenmail.smtp.policy.RateLimits;
import io.tenmail.smtp.policy.SenderPolicy;
import io.tenmail.smtp.policy.Verdict;
import io.tenmail.smtp.session.Envelope;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.MailParameters;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;

/**
 * MAIL FROM: RFC 5321 §4.1.1.2; SIZE (RFC 1870 §6: a declared size over the limit is refused
 * before any data is sent), BODY (RFC 6152), SMTPUTF8 (RFC 6531), RET/ENVID (RFC 3461), AUTH=
 * (RFC 4954 §5). The wire layer has checked the syntax and that each parameter was advertised.
 */
final class MailCommand implements SmtpCommandHandler {
    private static final Logger log = LoggerFactory.getLogger(MailCommand.class);

    private final SenderPolicy policy;
    private final RateLimits rateLimits;

    MailCommand(SenderPolicy policy) {
        this(policy, RateLimits.none());
    }

    MailCommand(SenderPolicy policy, RateLimits rateLimits) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
    }

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.MAIL;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) throws StoreException {
        MailParameters parameters = line.mailParameters();
        if (parameters.size().isPresent() && parameters.size().getAsLong() > session.settings().maxMessageSizeBytes()) {
            log.info("refused MAIL FROM:{}: declared SIZE {} over the limit", line.reversePath(), parameters.size().getAsLong());
            session.reply(Replies.MESSAGE_TOO_BIG);
            return;
        }
        Verdict<Optional<EmailAddress>> verdict = policy.check(session, line.reversePath());
        if (verdict instanceof Verdict.Refuse<Optional<EmailAddress>> refuse) {
            log.info("refused MAIL FROM:{}: {} ({})", line.reversePath(), refuse.reply().status(), refuse.reason());
            session.reply(refuse.reply());
            return;
        }
        // after the sender policy: a refused sender does not spend the allowance
        Optional<Reply> limited = rateLimits.message(session);
        if (limited.isPresent()) {
            session.reply(limited.get());
            return;
        }
        Optional<EmailAddress> sender = ((Verdict.Accept<Optional<EmailAddress>>) verdict).value();
        session.startTransaction(new Envelope(session.nextTransactionId(), line.reversePath(), sender, parameters));
        session.reply(Replies.SENDER_OK);
    }
}
