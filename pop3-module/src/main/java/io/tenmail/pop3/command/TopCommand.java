package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.MessageContent;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;

import java.io.InputStream;
import java.util.Optional;

/** TOP msg n, RFC 1939 §7: the header, the empty line and the first n lines of the body. */
final class TopCommand implements Pop3CommandHandler {
    private final BlobStore blobs;

    TopCommand(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.TOP;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws StoreException, MalformedLineException {
        line.requireAtLeast(2, "a message number and a line count");
        line.requireAtMost(2);
        long number = Pop3CommandLine.messageNumber(line.argument(0));
        long lines = Pop3CommandLine.lineCount(line.argument(1));
        Maildrop maildrop = session.maildrop();
        Optional<Maildrop.Message> message = maildrop.visible(number);
        if (message.isEmpty()) return MessageNumbers.notVisible(maildrop, number);
        InputStream content = MessageBlobs.open(blobs, message.get());
        if (content == null) return Replies.CONTENT_UNAVAILABLE;
        session.toppedOne();
        return new MessageContent(Replies.TOP_FOLLOWS, content, lines, message.get().size());
    }
}
