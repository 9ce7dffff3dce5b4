package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.LastLogin;

import java.time.Instant;

/** {@code LastLogin {protocol, at, clientAddress}}: protocol is SMTP, IMAP, POP3 or WEB (the console). */
public record LastLoginDto(String protocol, Instant at, String clientAddress) {
    public static LastLoginDto from(LastLogin l) {
        return new LastLoginDto(l.protocol(), l.at(), l.clientAddress().orElse(null));
    }
}
