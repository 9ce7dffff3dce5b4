package io.tenmail.storage;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.ApiToken;
import io.tenmail.storage.model.ApiTokenId;
import io.tenmail.storage.model.NewApiToken;
import io.tenmail.storage.model.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tokens for automation: created for an owner (an account of a tenant, or the platform
 * administrator when {@code owner} is empty), listed and revoked only by that owner, and found by
 * their secret. The secret is 256 random bits shown once; only its SHA-256 is stored (a random
 * secret of that size needs no slow hash, and a deterministic one lets a request find its row by
 * index). Thread-safe; each method is one transaction.
 *
 * <p>Reasons thrown: NOT_FOUND (no such token of that owner, or no such owner), INVALID, TEMPORARY.
 */
public interface ApiTokens {

    /** The owner of a token: an account of a tenant, or the platform administrator. */
    record Owner(Optional<TenantId> tenant, Optional<AccountId> account) {
        public static final Owner PLATFORM = new Owner(Optional.empty(), Optional.empty());

        public Owner {
            if (tenant.isPresent() != account.isPresent()) throw new IllegalArgumentException("an account owner names its tenant too");
        }

        public static Owner account(TenantId tenant, AccountId account) {
            return new Owner(Optional.of(tenant), Optional.of(account));
        }
    }

    NewApiToken create(Owner owner, String role, String label, Optional<Instant> expires) throws StoreException;

    /** The owner's tokens, oldest first. */
    List<ApiToken> tokens(Owner owner) throws StoreException;

    void revoke(Owner owner, ApiTokenId id) throws StoreException;

    /**
     * The unexpired token with this secret, if any, recording its use (at most once a minute, so a
     * busy script does not write on every request).
     */
    Optional<ApiToken> authenticate(String secret) throws StoreException;
}
