package io.tenmail.smtp.remote;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how mail for one domain goes in one attempt.
 *
 * @param domain      the recipients' domain
 * @param hops        addresses to try in order
 * @param tlsPolicy   how to use TLS with them
 * @param implicitTls TLS from the first octet (RFC 8314) instead of STARTTLS
 * @param credentials AUTH credentials (smart host), used only over TLS
 */
record Destination(String domain, List<NextHop> hops, TlsPolicy tlsPolicy, boolean implicitTls,
                   Optional<SmtpCredentials> credentials) {

    Destination {
        hops = List.copyOf(hops);
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(credentials, "credentials");
    }
}
