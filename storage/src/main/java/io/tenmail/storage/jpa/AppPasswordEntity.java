package io.tenmail.storage.jpa;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppPassword;
import io.tenmail.storage.model.AppPasswordId;
import io.tenmail.storage.model.Protocol;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A row of APP_PASSWORD: an authorization code of an account. Only the SHA-256 of the secret is
 * kept (see {@link io.tenmail.storage.directory.AppPasswordSecret} for why that suffices), under a
 * unique index so a login finds it directly.
 */
@Entity
@Table(name = "APP_PASSWORD")
class AppPasswordEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ACCOUNT_ID", nullable = false)
    private AccountEntity account;

    @Column(name = "SECRET_HASH", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "LABEL", nullable = false, length = 100)
    private String label;

    /** Protocol names separated by commas, e.g. {@code IMAP,SMTP}. */
    @Column(name = "PROTOCOLS", nullable = false, length = 32)
    private String protocols;

    /** Canonical CIDR blocks separated by commas; empty for anywhere. */
    @Column(name = "ALLOWED_NETWORKS", nullable = false, length = 2000)
    private String allowedNetworks;

    @Column(name = "EXPIRES")
    private LocalDateTime expires;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    @Column(name = "LAST_USED")
    private LocalDateTime lastUsed;

    @Column(name = "LAST_PROTOCOL", length = 8)
    private String lastProtocol;

    @Column(name = "LAST_CLIENT", length = 64)
    private String lastClient;

    protected AppPasswordEntity() {
    }

    AppPasswordEntity(AccountEntity account, String secretHash, String label, Set<Protocol> protocols,
                      List<String> allowedNetworks, Optional<Instant> expires, Instant created) {
        this.account = account;
        this.secretHash = secretHash;
        this.label = label;
        this.protocols = EnumSet.copyOf(protocols).stream().map(Enum::name).collect(Collectors.joining(","));
        this.allowedNetworks = String.join(",", allowedNetworks);
        this.expires = expires.map(DbTime::toDb).orElse(null);
        this.created = DbTime.toDb(created);
    }

    static Optional<AppPasswordEntity> bySecretHash(EntityManager em, AccountEntity account, String secretHash) {
        return em.createQuery("SELECT p FROM AppPasswordEntity p WHERE p.secretHash = :hash AND p.account = :account", AppPasswordEntity.class)
                .setParameter("hash", secretHash).setParameter("account", account).getResultStream().findFirst();
    }

    static boolean hashTaken(EntityManager em, String secretHash) {
        return em.createQuery("SELECT COUNT(p) FROM AppPasswordEntity p WHERE p.secretHash = :hash", Long.class)
                .setParameter("hash", secretHash).getSingleResult() > 0;
    }

    static List<AppPasswordEntity> ofAccount(EntityManager em, AccountEntity account) {
        return em.createQuery("SELECT p FROM AppPasswordEntity p WHERE p.account = :account ORDER BY p.id", AppPasswordEntity.class)
                .setParameter("account", account).getResultList();
    }

    static Optional<AppPasswordEntity> find(EntityManager em, AccountEntity account, AppPasswordId id) {
        AppPasswordEntity p = em.find(AppPasswordEntity.class, id.value());
        return p != null && p.account.id() == account.id() ? Optional.of(p) : Optional.empty();
    }

    static int deleteOfAccount(EntityManager em, AccountEntity account) {
        return em.createQuery("DELETE FROM AppPasswordEntity p WHERE p.account = :account")
                .setParameter("account", account).executeUpdate();
    }

    AppPasswordId appPasswordId() {
        return new AppPasswordId(id);
    }

    Set<Protocol> protocols() {
        Set<Protocol> set = EnumSet.noneOf(Protocol.class);
        if (!protocols.isEmpty()) Arrays.stream(protocols.split(",")).map(Protocol::valueOf).forEach(set::add);
        return set;
    }

    List<String> allowedNetworks() {
        return allowedNetworks.isEmpty() ? List.of() : List.of(allowedNetworks.split(","));
    }

    Optional<Instant> expires() {
        return Optional.ofNullable(DbTime.fromDb(expires));
    }

    void recordUse(Instant at, Protocol protocol, String client) {
        this.lastUsed = DbTime.toDb(at);
        this.lastProtocol = protocol.name();
        this.lastClient = client;
    }

    AppPassword toModel() {
        Optional<AppPassword.LastUse> lastUse = lastUsed == null ? Optional.empty()
                : Optional.of(new AppPassword.LastUse(DbTime.fromDb(lastUsed), Protocol.valueOf(lastProtocol), lastClient));
        return new AppPassword(appPasswordId(), account.accountId(), label, protocols(), allowedNetworks(), expires(),
                DbTime.fromDb(created), lastUse);
    }
}
