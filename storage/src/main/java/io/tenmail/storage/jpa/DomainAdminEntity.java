package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** A row of DOMAIN_ADMIN: an account appointed to administer its tenant's domains. */
@Entity
@Table(name = "DOMAIN_ADMIN")
class DomainAdminEntity {
    @Id
    @Column(name = "ACCOUNT_ID")
    private long accountId;

    @Column(name = "APPOINTED", nullable = false)
    private LocalDateTime appointed;

    protected DomainAdminEntity() {
    }

    DomainAdminEntity(long accountId, Instant appointed) {
        this.accountId = accountId;
        this.appointed = DbTime.toDb(appointed);
    }

    static boolean exists(EntityManager em, long accountId) {
        return em.find(DomainAdminEntity.class, accountId) != null;
    }

    /** The accounts of a tenant that are domain administrators, ordered by address. */
    static List<AccountEntity> accountsOfTenant(EntityManager em, long tenantId) {
        return em.createQuery("SELECT a FROM AccountEntity a, DomainAdminEntity d WHERE d.accountId = a.id"
                        + " AND a.address.tenant.id = :tenant ORDER BY a.address.addressKey", AccountEntity.class)
                .setParameter("tenant", tenantId).getResultList();
    }
}
