package io.tenmail.storage.jpa;

import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.ApiToken;
import io.tenmail.storage.model.ApiTokenId;
import io.tenmail.storage.model.NewApiToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.tenmail.storage.jpa.Inputs.invalid;

/**
 * {@link ApiTokens} on the API_TOKEN table. Secrets look like {@code tmk_} followed by 43
 * base64url characters (32 random bytes); the prefix lets secret scanners and people recognise
 * one. Thread-safe.
 */
public final class JpaApiTokens implements ApiTokens {
    static final String PREFIX = "tmk_";
    private static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_TOKENS_PER_OWNER = 100;

    private final Transactions tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JpaApiTokens(Transactions tx) {
        this(tx, Clock.systemUTC());
    }

    public JpaApiTokens(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public NewApiToken create(Owner owner, String role, String label, Optional<Instant> expires) throws StoreException {
        Objects.requireNonNull(owner, "owner");
        String r = Inputs.text("role", role, 20);
        String l = Inputs.text("label", label, 100);
        Instant now = DbTime.now(clock);
        if (Inputs.required("expires", expires).isPresent() && !expires.get().isAfter(now)) throw invalid("expires", "must be in the future");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return tx.run(em -> {
            if (owner.account().isPresent()) {
                // the owner must be an account of the tenant named: tokens never outlive or escape their tenant
                AccountEntity a = AccountEntity.find(em, owner.account().get())
                        .filter(x -> x.address().tenant().tenantId().equals(owner.tenant().orElseThrow()))
                        .orElseThrow(() -> new StoreException(Reason.NOT_FOUND, "account " + owner.account().get().value() + " not found"));
                Objects.requireNonNull(a);
            }
            if (ApiTokenEntity.ofOwner(em, owner).size() >= MAX_TOKENS_PER_OWNER) {
                throw new StoreException(Reason.NOT_ALLOWED, "at most " + MAX_TOKENS_PER_OWNER + " API tokens per owner; revoke one first");
            }
            ApiTokenEntity t = new ApiTokenEntity(hash(secret), owner, r, l, now, expires);
            em.persist(t);
            em.flush();
            return new NewApiToken(t.toModel(), secret);
        });
    }

    @Override
    public List<ApiToken> tokens(Owner owner) throws StoreException {
        Objects.requireNonNull(owner, "owner");
        return tx.run(em -> ApiTokenEntity.ofOwner(em, owner).stream().map(ApiTokenEntity::toModel).toList());
    }

    @Override
    public void revoke(Owner owner, ApiTokenId id) throws StoreException {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        tx.run(em -> {
            ApiTokenEntity t = em.find(ApiTokenEntity.class, id.value());
            if (t == null || !t.ownedBy(owner)) throw new StoreException(Reason.NOT_FOUND, "API token " + id.value() + " not found");
            em.remove(t);
            return null;
        });
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) throws StoreException {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) return Optional.empty();
        String hash = hash(secret);
        Instant now = DbTime.now(clock);
        return tx.run(em -> {
            Optional<ApiTokenEntity> found = ApiTokenEntity.byHash(em, hash);
            if (found.isEmpty()) return Optional.empty();
            ApiTokenEntity t = found.get();
            if (t.expires().isPresent() && !now.isBefore(t.expires().get())) return Optional.empty();
            if (t.lastUsed().isEmpty() || !now.isBefore(t.lastUsed().get().plus(USE_RECORDING_INTERVAL))) t.recordUse(now);
            return Optional.of(t.toModel());
        });
    }

    /** Lower-case hex SHA-256 of the secret, the stored and indexed form. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
