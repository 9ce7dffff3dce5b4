package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;

/** DELE msg, RFC 1939 §5: marks the message; only QUIT removes it (RFC 1939 §6). */
final class DeleCommand implements Pop3CommandHandler {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.DELE;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws MalformedLineException {
        line.requireAtLeast(1, "a message number");
        line.requireAtMost(1);
        long number = Pop3CommandLine.messageNumber(line.argument(0));
        Maildrop maildrop = session.maildrop();
        if (!maildrop.markDeleted(number)) return MessageNumbers.notVisible(maildrop, number);
        return Replies.messageDeleted(number);
    }
}
