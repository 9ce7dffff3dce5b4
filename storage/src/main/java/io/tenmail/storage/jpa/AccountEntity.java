package io.tenmail.storage.jpa;

import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AccountOrder;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A row of ACCOUNT: a mailbox user, its password hash, switches and quota. */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "ACCOUNT")
class AccountEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "ADDRESS_ID", nullable = false, unique = true)
    private AddressEntity address;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 200)
    private String displayName;

    /** Argon2id in PHC string form; never leaves storage. */
    @Column(name = "PASSWORD_HASH", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "QUOTA_BYTES", nullable = false)
    private long quotaBytes;

    @Column(name = "SMTP_ENABLED", nullable = false)
    private boolean smtpEnabled;

    @Column(name = "IMAP_ENABLED", nullable = false)
    private boolean imapEnabled;

    @Column(name = "POP3_ENABLED", nullable = false)
    private boolean pop3Enabled;

    @Column(name = "APP_PASSWORD_REQUIRED", nullable = false)
    private boolean appPasswordRequired;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    protected AccountEntity() {
    }

    AccountEntity(AddressEntity address, String displayName, String passwordHash, long quotaBytes, Instant created) {
        this.address = address;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.quotaBytes = quotaBytes;
        setProtocols(EnumSet.allOf(Protocol.class));
        this.created = DbTime.toDb(created);
    }

    static Optional<AccountEntity> find(EntityManager em, AccountId id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id.value()));
    }

    /** The account with this id if it belongs to {@code tenant}: another tenant's is as good as missing. */
    static Optional<AccountEntity> find(EntityManager em, TenantId tenant, AccountId id) {
        return find(em, id).filter(a -> a.address.tenant().id() == tenant.value());
    }

    static Optional<AccountEntity> byAddress(EntityManager em, AddressEntity address) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.address = :address", AccountEntity.class)
                .setParameter("address", address).getResultStream().findFirst();
    }

    static long countOfTenant(EntityManager em, TenantId tenant) {
        return em.createQuery("SELECT COUNT(a) FROM AccountEntity a WHERE a.address.tenant.id = :tenant", Long.class)
                .setParameter("tenant", tenant.value()).getSingleResult();
    }

    /**
     * One page of the tenant's accounts in the given order (ties by address), optionally in one
     * domain and only those whose address or display name contains {@code search} (already
     * lower-case). LOCATE rather than LIKE, so that '%' and '_' in the search are plain characters.
     */
    static List<AccountEntity> page(EntityManager em, TenantId tenant, Optional<DomainEntity> domain, Optional<String> search,
                                    AccountOrder order, int offset, int limit) {
        String direction = order.descending() ? " DESC" : " ASC";
        String tieBreak = "a.address.addressKey" + direction;
        if (order.field() == AccountOrder.Field.DISPLAY_NAME) {
            // OpenJPA takes no function in ORDER BY, but a result variable (JPA 3.1 §4.9.8)
            TypedQuery<Object[]> q = em.createQuery("SELECT a, LOWER(a.displayName) AS sortKey FROM AccountEntity a WHERE "
                    + filter(domain, search) + " ORDER BY sortKey" + direction + ", " + tieBreak, Object[].class);
            bind(q, tenant, domain, search);
            return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(r -> (AccountEntity) r[0]).toList();
        }
        String column = switch (order.field()) {
            case ADDRESS, DISPLAY_NAME -> null;
            case CREATED -> "a.created";
            case QUOTA -> "a.quotaBytes";
            case ENABLED -> "a.enabled";
        };
        TypedQuery<AccountEntity> q = em.createQuery("SELECT a FROM AccountEntity a WHERE " + filter(domain, search)
                + " ORDER BY " + (column == null ? tieBreak : column + direction + ", " + tieBreak), AccountEntity.class);
        bind(q, tenant, domain, search);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    static long count(EntityManager em, TenantId tenant, Optional<DomainEntity> domain, Optional<String> search) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(a) FROM AccountEntity a WHERE " + filter(domain, search), Long.class);
        bind(q, tenant, domain, search);
        return q.getSingleResult();
    }

    private static String filter(Optional<DomainEntity> domain, Optional<String> search) {
        return "a.address.tenant.id = :tenant"
                + (domain.isPresent() ? " AND a.address.domain = :domain" : "")
                + (search.isPresent() ? " AND (LOCATE(:search, a.address.addressKey) > 0 OR LOCATE(:search, LOWER(a.displayName)) > 0)" : "");
    }

    private static void bind(TypedQuery<?> q, TenantId tenant, Optional<DomainEntity> domain, Optional<String> search) {
        q.setParameter("tenant", tenant.value());
        domain.ifPresent(d -> q.setParameter("domain", d));
        search.ifPresent(s -> q.setParameter("search", s));
    }

    /**
     * Replaces the password hash only if it is still {@code expected}: a login upgrading an old
     * hash must not undo a password change made meanwhile. Returns whether it replaced it.
     */
    static boolean replaceHash(EntityManager em, AccountId id, String expected, String replacement) {
        return em.createQuery("UPDATE AccountEntity a SET a.passwordHash = :replacement WHERE a.id = :id AND a.passwordHash = :expected")
                .setParameter("replacement", replacement).setParameter("id", id.value()).setParameter("expected", expected)
                .executeUpdate() == 1;
    }

    long id() {
        return id;
    }

    AccountId accountId() {
        return new AccountId(id);
    }

    AddressEntity address() {
        return address;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean appPasswordRequired() {
        return appPasswordRequired;
    }

    Set<Protocol> protocols() {
        Set<Protocol> p = EnumSet.noneOf(Protocol.class);
        if (smtpEnabled) p.add(Protocol.SMTP);
        if (imapEnabled) p.add(Protocol.IMAP);
        if (pop3Enabled) p.add(Protocol.POP3);
        return p;
    }

    void setProtocols(Set<Protocol> protocols) {
        smtpEnabled = protocols.contains(Protocol.SMTP);
        imapEnabled = protocols.contains(Protocol.IMAP);
        pop3Enabled = protocols.contains(Protocol.POP3);
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setQuotaBytes(long quotaBytes) {
        this.quotaBytes = quotaBytes;
    }

    void setAppPasswordRequired(boolean appPasswordRequired) {
        this.appPasswordRequired = appPasswordRequired;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    Account toModel() {
        return new Account(accountId(), address.tenant().tenantId(), address.domain().domainId(), address.address(), displayName,
                enabled, quotaBytes, protocols(), appPasswordRequired, DbTime.fromDb(created));
    }
}
