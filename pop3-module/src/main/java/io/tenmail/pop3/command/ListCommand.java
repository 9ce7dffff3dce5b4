package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.MultiLine;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;

import java.util.Optional;

/** LIST [msg], RFC 1939 §5: scan listings, sizes as stored; marked messages are left out. */
final class ListCommand implements Pop3CommandHandler {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.LIST;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws MalformedLineException {
        line.requireAtMost(1);
        Maildrop maildrop = session.maildrop();
        if (line.arguments().isEmpty()) {
            return new MultiLine(Replies.scanListing(maildrop.visibleCount(), maildrop.visibleOctets()),
                    maildrop.visible().stream().map(m -> m.number() + " " + m.size()).toList());
        }
        long number = Pop3CommandLine.messageNumber(line.argument(0));
        Optional<Maildrop.Message> message = maildrop.visible(number);
        if (message.isEmpty()) return MessageNumbers.notVisible(maildrop, number);
        return Replies.scanLine(number, message.get().size());
    }
}
