package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.SequenceSet;
import java.util.Objects;

/** UID EXPUNGE (RFC 9051 §6.4.9, RFC 4315 §2.1): only the \Deleted messages with these UIDs. */
public record UidExpungeRequest(String tag, SequenceSet uids) implements ImapRequest {

    public UidExpungeRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(uids, "uids");
    }

    @Override
    public String name() {
        return "UID EXPUNGE";
    }
}
