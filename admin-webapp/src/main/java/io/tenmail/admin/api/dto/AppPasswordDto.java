package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.AppPassword;

import java.time.Instant;
import java.util.List;

/**
 * {@code AppPassword {id, label, protocols, allowedNetworks, expires, created, lastUsed,
 * lastProtocol, lastClientAddress}}; never the secret. Null for "never expires" / "never used".
 */
public record AppPasswordDto(long id, String label, List<String> protocols, List<String> allowedNetworks,
                             Instant expires, Instant created, Instant lastUsed, String lastProtocol,
                             String lastClientAddress) {
    public static AppPasswordDto from(AppPassword p) {
        return new AppPasswordDto(p.id().value(), p.label(), AccountDto.names(p.protocols()), p.allowedNetworks(),
                p.expires().orElse(null), p.created(),
                p.lastUse().map(AppPassword.LastUse::at).orElse(null),
                p.lastUse().map(u -> u.protocol().name()).orElse(null),
                p.lastUse().map(AppPassword.LastUse::clientAddress).orElse(null));
    }
}
