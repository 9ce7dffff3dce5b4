package io.tenmail.storage.model;

/** Identifies a app password; unique across all tenants. */
public record AppPasswordId(long value) {
    public AppPasswordId {
        if (value <= 0) throw new IllegalArgumentException("app password id must be positive: " + value);
    }
}
