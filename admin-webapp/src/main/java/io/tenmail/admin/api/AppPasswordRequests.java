package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.CreateAppPasswordRequest;
import io.tenmail.admin.api.dto.NewAppPasswordDto;
import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.Protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creating an app password from a request body, the same for an administrator and for the account's own user. */
final class AppPasswordRequests {
    private AppPasswordRequests() {
    }

    /** Checks the body (400 naming the field) and creates the app password; the result holds the secret, shown once. */
    static NewAppPasswordDto create(DirectoryAdmin directory, Account a, CreateAppPasswordRequest body, Clock clock) throws StoreException {
        String label = Input.name("label", body.label());
        Set<Protocol> protocols = body.protocols() == null ? EnumSet.allOf(Protocol.class) : Input.protocols("protocols", body.protocols());
        if (protocols.isEmpty()) throw new InvalidInputException("protocols", "must name at least one protocol, or be left out for all");
        List<String> networks = Input.networks("allowedNetworks", body.allowedNetworks());
        Optional<Instant> expires = Optional.ofNullable(body.expires()).map(e -> Input.instant("expires", e));
        if (expires.isPresent() && !expires.get().isAfter(clock.instant())) {
            throw new InvalidInputException("expires", "must be in the future");
        }
        return NewAppPasswordDto.from(directory.createAppPassword(a.tenant(), a.id(), label, protocols, networks, expires));
    }
}
