package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's trained message counts (table BAYES_TOTAL). */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "BAYES_TOTAL")
public class BayesTotalEntity {
    @Id
    @Column(name = "TENANT_ID")
    private long tenantId;

    @Column(name = "SPAM_MESSAGES", nullable = false)
    private long spamMessages;

    @Column(name = "HAM_MESSAGES", nullable = false)
    private long hamMessages;

    protected BayesTotalEntity() {
    }

    BayesTotalEntity(long tenantId) {
        this.tenantId = tenantId;
    }

    long spam() {
        return spamMessages;
    }

    long ham() {
        return hamMessages;
    }

    /** Adds {@code delta} (±1) to one class, never below zero. */
    void add(boolean spam, int delta) {
        if (spam) spamMessages = Math.max(0, spamMessages + delta);
        else hamMessages = Math.max(0, hamMessages + delta);
    }
}
