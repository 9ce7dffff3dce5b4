package io.tenmail.imap.wire.request;

import io.tenmail.storage.model.MailboxName;
import java.util.Objects;

/** DELETE (RFC 9051 §6.3.5). */
public record DeleteRequest(String tag, MailboxName mailbox) implements ImapRequest {

    public DeleteRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String name() {
        return "DELETE";
    }
}
