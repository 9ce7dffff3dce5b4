package io.tenmail.storage.jpa;

import io.tenmail.storage.model.SpamListEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;

import java.util.List;

/** A row of SPAM_LIST: one allow or block entry of a tenant (ACCOUNT_ID NULL) or of an account. */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "SPAM_LIST")
class SpamListEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "TENANT_ID", nullable = false)
    private long tenantId;

    @Column(name = "ACCOUNT_ID")
    private Long accountId;

    @Column(name = "KIND", nullable = false, length = 5)
    private String kind;

    @Column(name = "PATTERN", nullable = false, length = SpamListEntry.MAX_PATTERN)
    private String pattern;

    protected SpamListEntity() {
    }

    SpamListEntity(long tenantId, Long accountId, SpamListEntry entry) {
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.kind = entry.kind().name();
        this.pattern = entry.pattern();
    }

    /** The tenant's own list ({@code accountId} null) or the account's, in insertion order. */
    static List<SpamListEntity> of(EntityManager em, long tenantId, Long accountId) {
        TypedQuery<SpamListEntity> q = accountId == null
                ? em.createQuery("SELECT s FROM SpamListEntity s WHERE s.tenantId = :tenant AND s.accountId IS NULL ORDER BY s.id",
                        SpamListEntity.class)
                : em.createQuery("SELECT s FROM SpamListEntity s WHERE s.tenantId = :tenant AND s.accountId = :account ORDER BY s.id",
                        SpamListEntity.class).setParameter("account", accountId);
        return q.setParameter("tenant", tenantId).getResultList();
    }

    SpamListEntry toModel() {
        return new SpamListEntry(SpamListEntry.Kind.valueOf(kind), pattern);
    }
}
