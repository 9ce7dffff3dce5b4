package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;

/** STAT, RFC 1939 §5: messages not marked deleted and their size in octets as stored. */
final class StatCommand implements Pop3CommandHandler {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.STAT;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws MalformedLineException {
        line.requireAtMost(0);
        Maildrop maildrop = session.maildrop();
        return Replies.stat(maildrop.visibleCount(), maildrop.visibleOctets());
    }
}
