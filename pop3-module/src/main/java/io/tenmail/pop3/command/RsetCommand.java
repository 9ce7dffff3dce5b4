package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;

/** RSET, RFC 1939 §5: unmarks every message marked by DELE. */
final class RsetCommand implements Pop3CommandHandler {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.RSET;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws MalformedLineException {
        line.requireAtMost(0);
        Maildrop maildrop = session.maildrop();
        maildrop.unmarkAll();
        return Replies.maildropReset(maildrop.visibleCount(), maildrop.visibleOctets());
    }
}
