package io.tenmail.smtp.remote;

import java.util.Locale;

/**
 * How the outbound client uses TLS towards a next hop; the names are Postfix's
 * {@code smtp_tls_security_level} values, which operators know.
 */
public enum TlsPolicy {
    /** Never STARTTLS. */
    NONE,
    /**
     * STARTTLS when offered, certificate not checked (RFC 7435 opportunistic security: an
     * unauthenticated encrypted channel beats plain text, and most MX certificates would not pass
     * a check). A failed handshake is followed by one attempt in plain text to the same host.
     */
    MAY,
    /** TLS required, certificate not checked; a host without STARTTLS is a temporary failure. */
    ENCRYPT,
    /** TLS required and the certificate must be valid for the host name (the smart-host default). */
    VERIFY;

    /** Whether the connection must not go on without TLS. */
    public boolean requiresTls() {
        return this == ENCRYPT || this == VERIFY;
    }

    /** Parses none, may, encrypt, verify (any case). */
    public static TlsPolicy parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "may" -> MAY;
            case "encrypt" -> ENCRYPT;
            case "verify" -> VERIFY;
            default -> throw new IllegalArgumentException("must be none, may, encrypt or verify, was \"" + text + "\"");
        };
    }
}
