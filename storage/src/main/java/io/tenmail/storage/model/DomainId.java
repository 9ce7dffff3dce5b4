package io.tenmail.storage.model;

/** Identifies a domain; unique across all tenants. */
public record DomainId(long value) {
    public DomainId {
        if (value <= 0) throw new IllegalArgumentException("domain id must be positive: " + value);
    }
}
