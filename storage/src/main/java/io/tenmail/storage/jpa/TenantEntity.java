package io.tenmail.storage.jpa;

import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A row of TENANT: an organisation, its limits and whether it is suspended. */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "TENANT")
class TenantEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "MAX_ACCOUNTS", nullable = false)
    private long maxAccounts;

    @Column(name = "MAX_STORAGE_BYTES", nullable = false)
    private long maxStorageBytes;

    @Column(name = "SUSPENDED", nullable = false)
    private boolean suspended;

    @Column(name = "CREATED", nullable = false)
    private LocalDateTime created;

    protected TenantEntity() {
    }

    TenantEntity(String name, long maxAccounts, long maxStorageBytes, Instant created) {
        this.name = name;
        this.maxAccounts = maxAccounts;
        this.maxStorageBytes = maxStorageBytes;
        this.created = DbTime.toDb(created);
    }

    static Optional<TenantEntity> find(EntityManager em, TenantId id) {
        return Optional.ofNullable(em.find(TenantEntity.class, id.value()));
    }

    /**
     * The tenant, its row locked until the transaction ends: serialises the changes that must
     * respect its limits (two concurrent account creations cannot both take the last place).
     */
    static Optional<TenantEntity> findForUpdate(EntityManager em, TenantId id) {
        return Optional.ofNullable(em.find(TenantEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    static Optional<TenantEntity> byName(EntityManager em, String name) {
        return em.createQuery("SELECT t FROM TenantEntity t WHERE t.name = :name", TenantEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    static List<TenantEntity> all(EntityManager em) {
        return em.createQuery("SELECT t FROM TenantEntity t ORDER BY t.name, t.id", TenantEntity.class).getResultList();
    }

    long id() {
        return id;
    }

    TenantId tenantId() {
        return new TenantId(id);
    }

    String name() {
        return name;
    }

    long maxAccounts() {
        return maxAccounts;
    }

    long maxStorageBytes() {
        return maxStorageBytes;
    }

    boolean suspended() {
        return suspended;
    }

    void update(String name, long maxAccounts, long maxStorageBytes, boolean suspended) {
        this.name = name;
        this.maxAccounts = maxAccounts;
        this.maxStorageBytes = maxStorageBytes;
        this.suspended = suspended;
    }

    Tenant toModel() {
        return new Tenant(tenantId(), name, maxAccounts, maxStorageBytes, suspended, DbTime.fromDb(created));
    }
}
