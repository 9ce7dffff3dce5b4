package io.tenmail.imap.wire.request;

import io.tenmail.storage.model.MailboxName;
import java.util.Objects;

/** RENAME (RFC 9051 §6.3.6). */
public record RenameRequest(String tag, MailboxName from, MailboxName to) implements ImapRequest {

    public RenameRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public String name() {
        return "RENAME";
    }
}
