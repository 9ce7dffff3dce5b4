package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
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

    /** The UTC day a message last added to this feature's counts (changelog 0013). */
    @Column(name = "LAST_TRAINED", nullable = false)
    private LocalDate lastTrained;

    protected BayesTokenEntity() {
    }

    BayesTokenEntity(long tenantId, String token, boolean spam, LocalDate day) {
        this.tenantId = tenantId;
        this.token = token;
        this.lastTrained = day;
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

    /** Adds 1 to one class of these tokens' rows in one statement, and marks them trained on {@code day}. */
    static void add(EntityManager em, long tenantId, Collection<String> tokens, boolean spam, LocalDate day) {
        String column = spam ? "spamCount" : "hamCount";
        em.createQuery("UPDATE BayesTokenEntity t SET t." + column + " = t." + column + " + 1, t.lastTrained = :day"
                        + " WHERE t.tenantId = :tenant AND t.token IN :tokens")
                .setParameter("day", day).setParameter("tenant", tenantId).setParameter("tokens", tokens).executeUpdate();
    }

    /** Takes 1 from one class of these tokens' rows in one statement; never below zero. */
    static void subtract(EntityManager em, long tenantId, Collection<String> tokens, boolean spam) {
        String column = spam ? "spamCount" : "hamCount";
        em.createQuery("UPDATE BayesTokenEntity t SET t." + column + " = t." + column + " - 1"
                        + " WHERE t.tenantId = :tenant AND t.token IN :tokens AND t." + column + " > 0")
                .setParameter("tenant", tenantId).setParameter("tokens", tokens).executeUpdate();
    }

    /** Deletes, for every tenant, the features counted for at most one message and last trained before {@code day}. */
    static int forgetRare(EntityManager em, LocalDate day) {
        return em.createQuery("DELETE FROM BayesTokenEntity t WHERE t.spamCount + t.hamCount <= 1 AND t.lastTrained < :day")
                .setParameter("day", day).executeUpdate();
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
