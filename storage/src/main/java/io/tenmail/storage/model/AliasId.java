package io.tenmail.storage.model;

/** Identifies a alias; unique across all tenants. */
public record AliasId(long value) {
    public AliasId {
        if (value <= 0) throw new IllegalArgumentException("alias id must be positive: " + value);
    }
}
