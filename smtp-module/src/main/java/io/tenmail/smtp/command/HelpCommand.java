package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

/** HELP: RFC 5321 §4.1.1.8. */
final class HelpCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.HELP;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        session.reply(Replies.HELP);
    }
}
