package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

/** VRFY: RFC 5321 §3.5.3, §7.3; 252, so that nobody can harvest the directory through it. */
final class VrfyCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.VRFY;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        session.reply(Replies.CANNOT_VRFY);
    }
}
