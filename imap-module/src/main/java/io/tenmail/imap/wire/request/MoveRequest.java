package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.storage.model.MailboxName;
import java.util.Objects;

/** MOVE (RFC 9051 §6.4.8, RFC 6851). */
public record MoveRequest(String tag, boolean uid, SequenceSet set, MailboxName mailbox) implements ImapRequest {

    public MoveRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String name() {
        return uid ? "UID MOVE" : "MOVE";
    }
}
