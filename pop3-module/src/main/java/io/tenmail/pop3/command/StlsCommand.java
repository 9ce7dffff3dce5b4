package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;

/**
 * STLS, RFC 2595 §4: after {@code +OK} the transport negotiates TLS; anything the client sent
 * after the command and before the handshake is discarded, and the session forgets what it knew
 * (a USER name), so nothing injected in plain text can count after TLS.
 */
final class StlsCommand implements Pop3CommandHandler {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.STLS;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws MalformedLineException {
        if (session.isSecure()) return Replies.TLS_ALREADY_ACTIVE;
        if (!session.stlsAvailable()) return Replies.TLS_NOT_AVAILABLE;
        line.requireAtMost(0);
        session.requestStartTls();
        return Replies.BEGIN_TLS;
    }
}
