package io.tenmail.storage.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The last successful login of an account over one protocol.
 *
 * @param protocol      "SMTP", "IMAP", "POP3", or "WEB" for the admin console
 * @param clientAddress the client's IP address, when known
 */
public record LastLogin(String protocol, Instant at, Optional<String> clientAddress) {
}
