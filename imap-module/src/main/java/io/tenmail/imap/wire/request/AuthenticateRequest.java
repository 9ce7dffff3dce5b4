package io.tenmail.imap.wire.request;

import java.util.Arrays;
import java.util.Objects;

/**
 * AUTHENTICATE (RFC 9051 §6.2.2) with the optional initial response of SASL-IR (RFC 4959).
 * Further SASL responses arrive as bare lines ({@link SaslResponse}). {@link #toString()} never
 * shows the initial response: it may hold a password.
 *
 * @param mechanism       the SASL mechanism name in upper case
 * @param initialResponse the decoded initial response, empty for {@code =}, or null if absent
 */
public record AuthenticateRequest(String tag, String mechanism, byte[] initialResponse) implements ImapRequest {

    public AuthenticateRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mechanism, "mechanism");
        initialResponse = initialResponse == null ? null : initialResponse.clone();
    }

    @Override
    public byte[] initialResponse() {
        return initialResponse == null ? null : initialResponse.clone();
    }

    public boolean hasInitialResponse() {
        return initialResponse != null;
    }

    @Override
    public String name() {
        return "AUTHENTICATE";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticateRequest a && tag.equals(a.tag) && mechanism.equals(a.mechanism)
                && Arrays.equals(initialResponse, a.initialResponse);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, mechanism, Arrays.hashCode(initialResponse));
    }

    @Override
    public String toString() {
        return "AuthenticateRequest[tag=" + tag + ", mechanism=" + mechanism
                + (initialResponse == null ? "" : ", initialResponse=***") + "]";
    }
}
