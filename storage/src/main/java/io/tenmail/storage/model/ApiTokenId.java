package io.tenmail.storage.model;

/** The id of an API token. */
public record ApiTokenId(long value) {
    public ApiTokenId {
        if (value <= 0) throw new IllegalArgumentException("api token id must be positive: " + value);
    }
}
