package io.tenmail.storage.jpa;

import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A row of MAIL_DOMAIN: a domain owned by one tenant, by its own (primary) name. All its names,
 * the primary one included, are also rows of DOMAIN_NAME, whose unique key keeps every name on
 * the platform taken at most once.
 */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "MAIL_DOMAIN")
class DomainEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "TENANT_ID", nullable = false)
    private TenantEntity tenant;

    @Column(name = "NAME", nullable = false, length = 255)
    private String name;

    /** Where mail for unknown local parts goes, as written by the administrator. */
    @Column(name = "CATCH_ALL", length = 400)
    private String catchAll;

    /** {@link EmailAddress#key()} of {@link #catchAll}, to find the domains catching into an address. */
    @Column(name = "CATCH_ALL_KEY", length = 400)
    private String catchAllKey;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    protected DomainEntity() {
    }

    DomainEntity(TenantEntity tenant, String name, Instant created) {
        this.tenant = tenant;
        this.name = name;
        this.created = DbTime.toDb(created);
    }

    /** The domain with this id if it belongs to {@code tenant}: another tenant's is as good as missing. */
    static Optional<DomainEntity> find(EntityManager em, TenantId tenant, DomainId id) {
        DomainEntity d = em.find(DomainEntity.class, id.value());
        return d != null && d.tenant.id() == tenant.value() ? Optional.of(d) : Optional.empty();
    }

    static List<DomainEntity> ofTenant(EntityManager em, TenantId tenant) {
        return em.createQuery("SELECT d FROM DomainEntity d WHERE d.tenant.id = :tenant ORDER BY d.name", DomainEntity.class)
                .setParameter("tenant", tenant.value()).getResultList();
    }

    static long countOfTenant(EntityManager em, TenantId tenant) {
        return em.createQuery("SELECT COUNT(d) FROM DomainEntity d WHERE d.tenant.id = :tenant", Long.class)
                .setParameter("tenant", tenant.value()).getSingleResult();
    }

    /** The tenant's domains whose catch-all is one of these address keys. */
    static List<DomainEntity> catchingInto(EntityManager em, TenantId tenant, Collection<String> keys) {
        return em.createQuery("SELECT d FROM DomainEntity d WHERE d.tenant.id = :tenant AND d.catchAllKey IN :keys", DomainEntity.class)
                .setParameter("tenant", tenant.value()).setParameter("keys", keys).getResultList();
    }

    long id() {
        return id;
    }

    DomainId domainId() {
        return new DomainId(id);
    }

    TenantEntity tenant() {
        return tenant;
    }

    String name() {
        return name;
    }

    Optional<EmailAddress> catchAll() {
        return Optional.ofNullable(catchAll).map(EmailAddress::parse);
    }

    void setCatchAll(Optional<EmailAddress> target) {
        this.catchAll = target.map(EmailAddress::toString).orElse(null);
        this.catchAllKey = target.map(EmailAddress::key).orElse(null);
    }

    Domain toModel(List<String> aliasNames) {
        return new Domain(domainId(), tenant.tenantId(), name, aliasNames, catchAll());
    }
}
