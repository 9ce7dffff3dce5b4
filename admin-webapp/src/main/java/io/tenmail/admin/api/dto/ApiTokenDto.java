package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.ApiToken;

import java.time.Instant;

/** {@code ApiToken {id, label, role, created, expires, lastUsed}}; never the secret. */
public record ApiTokenDto(long id, String label, String role, Instant created, Instant expires, Instant lastUsed) {
    public static ApiTokenDto from(ApiToken t) {
        return new ApiTokenDto(t.id().value(), t.label(), t.role(), t.created(), t.expires().orElse(null), t.lastUsed().orElse(null));
    }
}
