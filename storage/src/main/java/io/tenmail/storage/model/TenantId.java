package io.tenmail.storage.model;

/** Identifies a tenant: the organisation that owns one or more domains. */
public record TenantId(long value) {
    public TenantId {
        if (value <= 0) throw new IllegalArgumentException("tenant id must be positive: " + value);
    }
}
