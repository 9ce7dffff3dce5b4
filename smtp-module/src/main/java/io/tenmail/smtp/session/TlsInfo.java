package io.tenmail.smtp.session;

import java.util.Objects;

/**
 * What a connection's TLS session negotiated, for Received headers and logs.
 *
 * @param protocol    e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_128_GCM_SHA256}
 */
public record TlsInfo(String protocol, String cipherSuite) {
    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
    }

    @Override
    public String toString() {
        return protocol + " " + cipherSuite;
    }
}
