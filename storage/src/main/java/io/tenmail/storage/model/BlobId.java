package io.tenmail.storage.model;

import java.util.regex.Pattern;

/** A content address: the lower-case hex SHA-256 of the blob's bytes. */
public record BlobId(String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BlobId {
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 content address: " + hex);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
