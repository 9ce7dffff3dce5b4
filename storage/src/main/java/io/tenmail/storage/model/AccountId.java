package io.tenmail.storage.model;

/** Identifies a account; unique across all tenants. */
public record AccountId(long value) {
    public AccountId {
        if (value <= 0) throw new IllegalArgumentException("account id must be positive: " + value);
    }
}
