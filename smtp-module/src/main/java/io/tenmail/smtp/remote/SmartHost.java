package io.tenmail.smtp.remote;

import java.util.Objects;
import java.util.Optional;

/**
 * How the client talks to the smart host (the {@code *} route), e.g. a company's ISP relay.
 *
 * @param tlsPolicy   VERIFY by default: credentials go there, so its certificate is checked
 * @param implicitTls TLS from the first octet (RFC 8314, port 465) instead of STARTTLS
 * @param credentials AUTH PLAIN/LOGIN credentials, if the relay wants them
 */
public record SmartHost(TlsPolicy tlsPolicy, boolean implicitTls, Optional<SmtpCredentials> credentials) {

    public SmartHost {
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.isPresent() && !implicitTls && !tlsPolicy.requiresTls()) {
            throw new IllegalArgumentException("smart-host credentials need TLS: implicit TLS, or a TLS policy of encrypt or verify");
        }
    }

    /** STARTTLS with a verified certificate, no credentials. */
    public static SmartHost standard() {
        return new SmartHost(TlsPolicy.VERIFY, false, Optional.empty());
    }
}
