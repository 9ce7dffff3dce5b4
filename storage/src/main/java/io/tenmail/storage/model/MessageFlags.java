package io.tenmail.storage.model;

import java.util.Objects;

/**
 * A message's UID, MODSEQ and flags: what an IMAP session's view of a selected mailbox keeps, and
 * all that {@link io.tenmail.storage.MailboxStore#flags} reads (no blob, size or date), so that
 * selecting a 100,000-message mailbox reads and builds as little as possible.
 */
public record MessageFlags(long uid, long modSeq, Flags flags) {
    public MessageFlags {
        Objects.requireNonNull(flags, "flags");
    }
}
