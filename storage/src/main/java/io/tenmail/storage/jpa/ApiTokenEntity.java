package io.tenmail.storage.jpa;

import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.ApiToken;
import io.tenmail.storage.model.ApiTokenId;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A row of API_TOKEN: a token for automation, kept as the SHA-256 of its secret. */
@Entity
@Table(name = "API_TOKEN")
class ApiTokenEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "TOKEN_HASH", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "LABEL", nullable = false, length = 100)
    private String label;

    @Column(name = "ROLE", nullable = false, length = 20)
    private String role;

    @Column(name = "TENANT_ID")
    private Long tenantId;

    @Column(name = "ACCOUNT_ID")
    private Long accountId;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    @Column(name = "EXPIRES")
    private LocalDateTime expires;

    @Column(name = "LAST_USED")
    private LocalDateTime lastUsed;

    protected ApiTokenEntity() {
    }

    ApiTokenEntity(String tokenHash, ApiTokens.Owner owner, String role, String label, Instant created, Optional<Instant> expires) {
        this.tokenHash = tokenHash;
        this.tenantId = owner.tenant().map(TenantId::value).orElse(null);
        this.accountId = owner.account().map(AccountId::value).orElse(null);
        this.role = role;
        this.label = label;
        this.created = DbTime.toDb(created);
        this.expires = expires.map(DbTime::toDb).orElse(null);
    }

    static Optional<ApiTokenEntity> byHash(EntityManager em, String hash) {
        return em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.tokenHash = :hash", ApiTokenEntity.class)
                .setParameter("hash", hash).getResultStream().findFirst();
    }

    static List<ApiTokenEntity> ofOwner(EntityManager em, ApiTokens.Owner owner) {
        TypedQuery<ApiTokenEntity> q;
        if (owner.account().isPresent()) {
            q = em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.accountId = :account AND t.tenantId = :tenant ORDER BY t.id",
                            ApiTokenEntity.class)
                    .setParameter("account", owner.account().get().value())
                    .setParameter("tenant", owner.tenant().orElseThrow().value());
        } else {
            q = em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.accountId IS NULL ORDER BY t.id", ApiTokenEntity.class);
        }
        return q.getResultList();
    }

    boolean ownedBy(ApiTokens.Owner owner) {
        return owner.account().map(AccountId::value).orElse(null) == null ? accountId == null
                : owner.account().get().value() == (accountId == null ? -1 : accountId)
                && owner.tenant().orElseThrow().value() == (tenantId == null ? -1 : tenantId);
    }

    Optional<Instant> expires() {
        return Optional.ofNullable(DbTime.fromDb(expires));
    }

    Optional<Instant> lastUsed() {
        return Optional.ofNullable(DbTime.fromDb(lastUsed));
    }

    void recordUse(Instant at) {
        this.lastUsed = DbTime.toDb(at);
    }

    ApiToken toModel() {
        return new ApiToken(new ApiTokenId(id), Optional.ofNullable(tenantId).map(TenantId::new),
                Optional.ofNullable(accountId).map(AccountId::new), role, label, DbTime.fromDb(created), expires(), lastUsed());
    }
}
