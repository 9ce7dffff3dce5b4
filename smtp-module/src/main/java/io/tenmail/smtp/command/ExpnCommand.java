package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

/** EXPN: RFC 5321 §3.5.2, §7.3; disabled, since it would disclose group membership. */
final class ExpnCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.EXPN;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        session.reply(Replies.EXPN_DISABLED);
    }
}
