package io.tenmail.pop3.session;

import io.tenmail.protocol.sasl.SaslLogin;

/**
 * An AUTH exchange waiting for the client's next response line (RFC 5034 §4).
 *
 * @param mechanism {@code PLAIN} or {@code LOGIN}
 * @param login     the LOGIN exchange's progress; null for PLAIN, which needs one response only
 */
public record SaslExchange(String mechanism, SaslLogin login) {
}
