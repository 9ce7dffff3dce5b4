package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.storage.model.MailboxName;
import java.util.Objects;

/** COPY (RFC 9051 §6.4.7). */
public record CopyRequest(String tag, boolean uid, SequenceSet set, MailboxName mailbox) implements ImapRequest {

    public CopyRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String name() {
        return uid ? "UID COPY" : "COPY";
    }
}
