package io.tenmail.storage.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A token for automation (scripts calling the admin API). The secret is shown once at creation
 * ({@link NewApiToken}); only its SHA-256 is stored.
 *
 * @param tenant  the tenant of the owning account; empty for the platform administrator's tokens
 * @param account the owning account; empty for the platform administrator's tokens
 * @param role    the role of its creator when it was created (the admin API's role name); a token
 *                never acts with more than this, nor more than its owner has now
 */
public record ApiToken(ApiTokenId id, Optional<TenantId> tenant, Optional<AccountId> account, String role, String label,
                       Instant created, Optional<Instant> expires, Optional<Instant> lastUsed) {
}
