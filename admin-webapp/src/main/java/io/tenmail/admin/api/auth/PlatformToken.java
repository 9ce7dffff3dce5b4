package io.tenmail.admin.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The platform administrator's token, kept as its SHA-256 and compared with
 * {@link MessageDigest#isEqual}, so the time a check takes says nothing about the token, not even
 * its length. Thread-safe (immutable).
 */
public final class PlatformToken {
    private final byte[] digest;

    public PlatformToken(String token) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("the platform administrator token is missing");
        this.digest = sha256(token.strip());
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(sha256(presented.strip()), digest);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
