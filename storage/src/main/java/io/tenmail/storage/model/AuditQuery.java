package io.tenmail.storage.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit events to list; every present filter must match.
 *
 * @param tenant only events concerning this tenant
 * @param actor  exactly this actor (case-insensitive)
 * @param action this action, or every action under it when it ends with a dot ({@code account.})
 * @param target exactly this target (case-insensitive)
 * @param from   at or after this time
 * @param until  before this time
 */
public record AuditQuery(Optional<TenantId> tenant, Optional<String> actor, Optional<String> action,
                         Optional<String> target, Optional<Instant> from, Optional<Instant> until) {
    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
