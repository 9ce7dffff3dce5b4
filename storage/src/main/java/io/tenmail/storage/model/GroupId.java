package io.tenmail.storage.model;

/** Identifies a group mailbox; unique across all tenants. */
public record GroupId(long value) {
    public GroupId {
        if (value <= 0) throw new IllegalArgumentException("group mailbox id must be positive: " + value);
    }
}
