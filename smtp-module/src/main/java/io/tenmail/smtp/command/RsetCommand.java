package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

/** RSET: RFC 5321 §4.1.1.5; abandons the transaction, keeps EHLO, TLS and AUTH. */
final class RsetCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.RSET;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        session.endTransaction();
        session.reply(Replies.RESET_OK);
    }
}
