package io.tenmail.storage.model;


/** A content address: the lower-case hex SHA-256 of the blob's bytes. */
public record BlobId(String hex) {

    public BlobId {
        if (!isSha256Hex(hex)) {
            throw new IllegalArgumentException("not a SHA-256 content address: " + hex);
        }
    }

    @Override
    public String toString() {
        return hex;
    }

    /** 64 lower-case hex digits; a loop, not a regex: listings build one BlobId per message. */
    private static boolean isSha256Hex(String hex) {
        if (hex == null || hex.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return false;
        }
        return true;
    }
}
