package io.tenmail.imap.wire.request;

import io.tenmail.storage.model.MailboxName;
import java.util.List;
import java.util.Objects;

/** STATUS (RFC 9051 §6.3.11): items in the order asked, without duplicates. */
public record StatusRequest(String tag, MailboxName mailbox, List<StatusItem> items) implements ImapRequest {

    public StatusRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
        items = List.copyOf(items);
        if (items.isEmpty()) throw new IllegalArgumentException("STATUS needs an item");
    }

    @Override
    public String name() {
        return "STATUS";
    }
}
