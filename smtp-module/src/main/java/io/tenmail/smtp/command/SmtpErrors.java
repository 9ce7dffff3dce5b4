package io.tenmail.smtp.command;

import io.tenmail.smtp.wire.Replies;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.smtp.wire.SmtpVerb;
import io.tenmail.storage.StoreException;

/** STYLE.md §6: the one place where a store's {@link StoreException.Reason} becomes an SMTP reply. */
public final class SmtpErrors {

    private SmtpErrors() {
    }

    /**
     * The reply for a store failure during {@code verb}; over quota is 452 at RCPT (try later) but
     * 552 once the data is in.
     */
    public static Reply reply(StoreException.Reason reason, SmtpVerb verb) {
        boolean data = verb == SmtpVerb.DATA || verb == SmtpVerb.BDAT;
        return switch (reason) {
            case NOT_FOUND -> Replies.NO_SUCH_USER;
            case NOT_ALLOWED -> Replies.POLICY_REJECTED;
            case OVER_QUOTA -> data ? Replies.QUOTA_EXCEEDED : Replies.MAILBOX_FULL;
            case TOO_BIG -> Replies.MESSAGE_TOO_BIG;
            case INVALID -> Replies.INVALID_ARGUMENTS;
            case IN_USE, TEMPORARY, ALREADY_EXISTS -> Replies.TEMPORARY_FAILURE;
        };
    }
}
