package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** One feature's counts for one tenant (table BAYES_TOKEN). */
@Entity
@Table(name = "BAYES_TOKEN")
@IdClass(BayesTokenEntity.Key.class)
public class BayesTokenEntity {
    @Id
    @Column(name = "TENANT_ID")
    private long tenantId;

    @Id
    @Column(name = "TOKEN", length = 200)
    private String token;

    @Column(name = "SPAM_COUNT", nullable = false)
    private long spamCount;

    @Column(name = "HAM_COUNT", nullable = false)
    private long hamCount;

    protected BayesTokenEntity() {
    }

    BayesTokenEntity(long tenantId, String token, boolean spam) {
        this.tenantId = tenantId;
        this.token = token;
        if (spam) spamCount = 1;
        else hamCount = 1;
    }

    String token() {
        return token;
    }

    long spam() {
        return spamCount;
    }

    long ham() {
        return hamCount;
    }

    /** The rows of these tokens that exist. */
    static List<BayesTokenEntity> find(EntityManager em, long tenantId, Collection<String> tokens) {
        return em.createQuery("SELECT t FROM BayesTokenEntity t WHERE t.tenantId = :tenant AND t.token IN :tokens", BayesTokenEntity.class)
                .setParameter("tenant", tenantId).setParameter("tokens", tokens).getResultList();
    }

    /** The tokens among these that have a row. */
    static List<String> existing(EntityManager em, long tenantId, Collection<String> tokens) {
        return em.createQuery("SELECT t.token FROM BayesTokenEntity t WHERE t.tenantId = :tenant AND t.token IN :tokens", String.class)
                .setParameter("tenant", tenantId).setParameter("tokens", tokens).getResultList();
    }

    /** Adds {@code delta} (±1) to one class of these tokens' rows in one statement; never below zero. */
    static void add(EntityManager em, long tenantId, Collection<String> tokens, boolean spam, int delta) {
        String column = spam ? "spamCount" : "hamCount";
        String guard = delta < 0 ? " AND t." + column + " > 0" : "";
        em.createQuery("UPDATE BayesTokenEntity t SET t." + column + " = t." + column + " + :delta"
                        + " WHERE t.tenantId = :tenant AND t.token IN :tokens" + guard)
                .setParameter("delta", (long) delta).setParameter("tenant", tenantId).setParameter("tokens", tokens).executeUpdate();
    }

    /** The composite primary key (TENANT_ID, TOKEN). */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long tenantId;
        public String token;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId == tenantId && Objects.equals(k.token, token);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, token);
        }
    }
}
