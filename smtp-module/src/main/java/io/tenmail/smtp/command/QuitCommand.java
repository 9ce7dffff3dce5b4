package io.tenmail.smtp.command;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

/** QUIT: RFC 5321 §4.1.1.10; 221, then the server closes the connection. */
final class QuitCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.QUIT;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        session.endTransaction();
        session.reply(Replies.closing(session.settings().hostname()));
        session.close();
    }
}
