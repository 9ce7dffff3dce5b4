package io.tenmail.storage.model;

/** Identifies a mailbox; unique across all tenants. */
public record MailboxId(long value) {
    public MailboxId {
        if (value <= 0) throw new IllegalArgumentException("mailbox id must be positive: " + value);
    }
}
