package io.tenmail.pop3.command;

import io.tenmail.pop3.wire.Replies;
import io.tenmail.pop3.wire.Reply;
import io.tenmail.storage.StoreException;

/** Store outcomes as POP3 replies, the one place that maps them (STYLE.md §6). */
public final class Pop3Errors {
    private Pop3Errors() {
    }

    public static Reply reply(StoreException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> Replies.NO_SUCH_MESSAGE;
            case NOT_ALLOWED -> Replies.NOT_ALLOWED;
            case IN_USE -> Replies.MAILDROP_IN_USE;
            case INVALID -> Replies.INVALID_REQUEST;
            case TEMPORARY, ALREADY_EXISTS, OVER_QUOTA, TOO_BIG -> Replies.TEMPORARY_FAILURE;
        };
    }
}
