package io.tenmail.storage.model;

import java.util.Optional;

/**
 * The outcome of {@code Directory.authenticate}. A failure says why, for the log and for the
 * protocol's reply text; protocols must not reveal to the client whether the user exists.
 */
public record AuthResult(Optional<Principal> principal, Failure failure) {

    public enum Failure {
        /** success */
        NONE,
        /** unknown user or wrong secret: the two are indistinguishable on purpose */
        BAD_CREDENTIALS,
        /** the account or its tenant is disabled or suspended */
        DISABLED,
        /** the protocol is switched off for this account */
        PROTOCOL_DISABLED,
        /** the account password was given but the account requires an app password */
        APP_PASSWORD_REQUIRED
    }

    public static AuthResult success(Principal principal) {
        return new AuthResult(Optional.of(principal), Failure.NONE);
    }

    public static AuthResult failure(Failure failure) {
        if (failure == Failure.NONE) throw new IllegalArgumentException("a failure needs a reason");
        return new AuthResult(Optional.empty(), failure);
    }

    public boolean succeeded() {
        return principal.isPresent();
    }
}
