package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

/** NOOP: RFC 5321 §4.1.1.9; the argument is ignored. */
final class NoopCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.NOOP;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        session.reply(Replies.OK);
    }
}
