package io.tenmail.smtp.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The arguments of AUTH (RFC 4954 §4): a SASL mechanism name and an optional initial response
 * (SASL-IR), already base64-decoded. An initial response of {@code "="} is present and empty,
 * which differs from absent. {@link #toString()} never shows the response.
 */
public final class AuthRequest {

    private final String mechanism;
    private final byte[] initialResponse;

    /**
     * @param mechanism upper-case RFC 4422 §3.1 mechanism name
     * @param initialResponse null when the client sent none
     */
    public AuthRequest(String mechanism, byte[] initialResponse) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        this.initialResponse = initialResponse == null ? null : initialResponse.clone();
    }

    /** Upper case, e.g. {@code PLAIN}. */
    public String mechanism() {
        return mechanism;
    }

    /** A copy of the decoded initial response, if one was sent. */
    public Optional<byte[]> initialResponse() {
        return initialResponse == null ? Optional.empty() : Optional.of(initialResponse.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthRequest other && mechanism.equals(other.mechanism)
                && Arrays.equals(initialResponse, other.initialResponse);
    }

    @Override
    public int hashCode() {
        return mechanism.hashCode() * 31 + Arrays.hashCode(initialResponse);
    }

    /** Masks the initial response: it carries credentials. */
    @Override
    public String toString() {
        return initialResponse == null ? mechanism : mechanism + " ****";
    }
}
