package io.tenmail.storage.model;

import java.util.Objects;

/**
 * A message's UID, MODSEQ and flags, and the facts that never change once it is stored (size,
 * internal date in epoch milliseconds, blob): what an IMAP session's view of a selected mailbox
 * keeps, and all that {@link io.tenmail.storage.MailboxStore#flags} reads, so that selecting a
 * 100,000-message mailbox reads and builds as little as possible. A listing that does not know
 * the facts (the three-argument constructor) has size -1 and no blob.
 */
public record MessageFlags(long uid, long modSeq, Flags flags, long size, long internalDateMillis, BlobId blob) {
    public MessageFlags {
        Objects.requireNonNull(flags, "flags");
    }

    /** Without the facts: size -1, no blob. */
    public MessageFlags(long uid, long modSeq, Flags flags) {
        this(uid, modSeq, flags, -1, 0, null);
    }

    /** The flags and facts of a full listing's message. */
    public static MessageFlags of(MessageMeta m) {
        return new MessageFlags(m.uid().value(), m.modSeq().value(), m.flags(), m.size(),
                m.internalDate().toEpochMilli(), m.blob());
    }

    /** Whether size, internal date and blob are known. */
    public boolean hasFacts() {
        return size >= 0 && blob != null;
    }
}
