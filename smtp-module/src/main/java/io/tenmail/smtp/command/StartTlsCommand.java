package io.tenmail.smtp.command;

import io.tenmail.protocol.TlsMode;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.SmtpCommandLine;
import io.tenmail.smtp.wire.SmtpVerb;

/**
 * STARTTLS: RFC 3207 §4. The 220 goes out in clear text, then the handshake starts; the session
 * forgets EHLO and drops whatever the client pipelined behind the command (§4.2; the 2011
 * STARTTLS command-injection bugs, CVE-2011-0411).
 */
final class StartTlsCommand implements SmtpCommandHandler {

    @Override
    public SmtpVerb verb() {
        return SmtpVerb.STARTTLS;
    }

    @Override
    public void handle(SmtpSession session, SmtpCommandLine line) {
        if (session.isTls()) {
            session.reply(Replies.TLS_ALREADY_ACTIVE);
        } else if (session.role().tlsMode() != TlsMode.STARTTLS) {
            session.reply(Replies.NOT_IMPLEMENTED);
        } else {
            session.reply(Replies.READY_TO_START_TLS);
            session.startTls();
        }
    }
}
