package io.tenmail.imap.wire.request;

import java.util.Objects;

/** LOGIN (RFC 9051 §6.2.3). {@link #toString()} masks the password. */
public record LoginRequest(String tag, String userName, String password) implements ImapRequest {

    public LoginRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public String toString() {
        return "LoginRequest[tag=" + tag + ", userName=" + userName + ", password=***]";
    }
}
