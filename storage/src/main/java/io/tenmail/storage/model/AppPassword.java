package io.tenmail.storage.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An "authorization code": a generated secret a mail client uses instead of the account password.
 * The secret itself is shown once at creation ({@link NewAppPassword}) and only its hash is kept.
 *
 * @param allowedNetworks client addresses or CIDR blocks it may be used from; empty means anywhere
 */
public record AppPassword(AppPasswordId id, AccountId account, String label, Set<Protocol> protocols,
                          List<String> allowedNetworks, Optional<Instant> expires, Instant created,
                          Optional<LastUse> lastUse) {
    public AppPassword {
        protocols = Set.copyOf(protocols);
        allowedNetworks = List.copyOf(allowedNetworks);
    }

    /** When, how and from where an app password was last used successfully. */
    public record LastUse(Instant at, Protocol protocol, String clientAddress) {
    }
}
