package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.session.Pop3Session;
import io.tenmail.pop3.wire.DotStuffer;
import io.tenmail.pop3.wire.MalformedLineException;
import io.tenmail.pop3.wire.MessageContent;
import io.tenmail.pop3.wire.Pop3CommandLine;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Response;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;

import java.io.InputStream;
import java.util.Optional;

/**
 * RETR msg, RFC 1939 §7: the whole message, streamed from the blob store by the transport. The
 * blob is opened here, before {@code +OK}, so a missing one is answered {@code -ERR}.
 */
final class RetrCommand implements Pop3CommandHandler {
    private final BlobStore blobs;

    RetrCommand(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.RETR;
    }

    @Override
    public Response handle(Pop3Session session, Pop3CommandLine line) throws StoreException, MalformedLineException {
        line.requireAtLeast(1, "a message number");
        line.requireAtMost(1);
        long number = Pop3CommandLine.messageNumber(line.argument(0));
        Maildrop maildrop = session.maildrop();
        Optional<Maildrop.Message> message = maildrop.visible(number);
        if (message.isEmpty()) return MessageNumbers.notVisible(maildrop, number);
        InputStream content = MessageBlobs.open(blobs, message.get());
        if (content == null) return Replies.CONTENT_UNAVAILABLE;
        session.retrievedOne();
        return new MessageContent(Replies.messageFollows(message.get().size()), content, DotStuffer.ALL_LINES, message.get().size());
    }
}
