package io.tenmail.imap.wire.request;

import io.tenmail.storage.model.MailboxName;
import java.util.Objects;

/** UNSUBSCRIBE (RFC 9051 §6.3.8). */
public record UnsubscribeRequest(String tag, MailboxName mailbox) implements ImapRequest {

    public UnsubscribeRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String name() {
        return "UNSUBSCRIBE";
    }
}
