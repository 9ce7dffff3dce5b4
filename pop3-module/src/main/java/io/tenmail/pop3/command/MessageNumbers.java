package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;

/** The one answer to a message number that names nothing (RFC 1939 §5: "no such message"). */
final class MessageNumbers {
    private MessageNumbers() {
    }

    static Reply notVisible(Maildrop maildrop, long number) {
        return maildrop.isMarkedDeleted(number) ? Replies.alreadyDeleted(number) : Replies.NO_SUCH_MESSAGE;
    }
}
