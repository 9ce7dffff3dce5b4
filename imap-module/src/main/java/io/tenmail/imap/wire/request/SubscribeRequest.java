package io.tenmail.imap.wire.request;

import io.tenmail.storage.model.MailboxName;
import java.util.Objects;

/** SUBSCRIBE (RFC 9051 §6.3.7). */
public record SubscribeRequest(String tag, MailboxName mailbox) implements ImapRequest {

    public SubscribeRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String name() {
        return "SUBSCRIBE";
    }
}
