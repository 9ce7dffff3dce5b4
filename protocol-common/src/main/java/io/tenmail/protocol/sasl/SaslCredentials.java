package io.tenmail.protocol.sasl;

import java.util.Objects;

/**
 * What a password mechanism yields. Never log it whole: {@link #toString()} masks the password.
 *
 * @param authorizationId the identity to act as (RFC 4616 authzid); empty when the client asked
 *                        for none, which means "the same as username"
 * @param username        the authentication identity (authcid)
 * @param password        the password or app password
 */
public record SaslCredentials(String authorizationId, String username, String password) {

    public SaslCredentials {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Whether the client asks to act as someone other than itself (proxy authorization). */
    public boolean actsAsOther() {
        return !authorizationId.isEmpty() && !authorizationId.equals(username);
    }

    @Override
    public String toString() {
        return "SaslCredentials[authorizationId=" + authorizationId + ", username=" + username + ", password=***]";
    }
}
