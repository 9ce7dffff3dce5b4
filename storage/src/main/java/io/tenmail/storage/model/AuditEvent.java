package io.tenmail.storage.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change made through the admin API: who, what, when, from where, and how it ended.
 *
 * @param id        0 for an event not yet recorded
 * @param actor     who: an account's address, or "platform" / "token:&lt;id&gt;" for the platform administrator
 * @param actorRole the actor's role name when acting
 * @param tenant    the tenant the change concerned, if any (domain administrators see their tenant's events)
 * @param action    what, as a dotted name such as {@code account.create}
 * @param target    what it was done to: an address, a domain name, an id
 * @param client    the client's IP address
 * @param status    the HTTP status of the answer
 * @param detail    anything else worth keeping (never a secret), may be empty
 */
public record AuditEvent(long id, Instant at, String actor, String actorRole, Optional<TenantId> tenant, String action,
                         String target, String client, int status, String detail) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(detail, "detail");
    }
}
