package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

import java.util.Set;

/**
 * HELO: RFC 5321 §4.1.1.1; plain SMTP, no extensions. A name that is neither a domain nor an
 * address literal is accepted and recorded (the Received header shows it); judging it is for the
 * spam checks.
 */
final class HeloCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.HELO;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        session.greeted(line.clientDomain(), false, Set.of());
        session.reply(Replies.helo(session.settings().hostname()));
    }
}
