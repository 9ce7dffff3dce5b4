package io.tenmail.smtp.remote;

import java.util.Objects;

/**
 * What the client authenticates with at a smart host (RFC 4954, PLAIN or LOGIN). The password
 * never appears in {@link #toString()}.
 */
public record SmtpCredentials(String username, String password) {

    public SmtpCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty()) throw new IllegalArgumentException("empty user name");
    }

    @Override
    public String toString() {
        return "SmtpCredentials[" + username + ", password masked]";
    }
}
