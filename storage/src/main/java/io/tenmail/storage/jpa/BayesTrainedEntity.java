package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/** A message trained for a tenant, and as what (table BAYES_TRAINED). */
@Entity
@Table(name = "BAYES_TRAINED")
@IdClass(BayesTrainedEntity.Key.class)
public class BayesTrainedEntity {
    @Id
    @Column(name = "TENANT_ID")
    private long tenantId;

    @Id
    @Column(name = "MESSAGE_KEY", length = 200)
    private String messageKey;

    @Column(name = "IS_SPAM", nullable = false)
    private boolean spam;

    @Column(name = "TRAINED_AT", nullable = false)
    private LocalDateTime trainedAt;

    protected BayesTrainedEntity() {
    }

    BayesTrainedEntity(long tenantId, String messageKey, boolean spam, Instant at) {
        this.tenantId = tenantId;
        this.messageKey = messageKey;
        this.spam = spam;
        this.trainedAt = DbTime.toDb(at);
    }

    boolean spam() {
        return spam;
    }

    void retrain(boolean spam, Instant at) {
        this.spam = spam;
        this.trainedAt = DbTime.toDb(at);
    }

    /** The composite primary key (TENANT_ID, MESSAGE_KEY). */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long tenantId;
        public String messageKey;

        public Key() {
        }

        Key(long tenantId, String messageKey) {
            this.tenantId = tenantId;
            this.messageKey = messageKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId == tenantId && Objects.equals(k.messageKey, messageKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, messageKey);
        }
    }
}
