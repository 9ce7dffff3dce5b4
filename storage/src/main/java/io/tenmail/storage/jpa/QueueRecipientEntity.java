package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One recipient of a queue entry and its delivery state (table QUEUE_RECIPIENT). */
@Entity
@Table(name = "QUEUE_RECIPIENT")
@IdClass(QueueRecipientEntity.Key.class)
public class QueueRecipientEntity {

    @Id
    @Column(name = "ENTRY_ID")
    private long entryId;

    /** The recipient's position in the envelope, from 0. */
    @Id
    @Column(name = "RCPT_INDEX")
    private int rcptIndex;

    @Column(name = "ADDRESS", nullable = false, length = 320)
    private String address;

    @Column(name = "RCPT_STATE", nullable = false, length = 16)
    private String state;

    @Column(name = "DSN_NOTIFY", length = 64)
    private String dsnNotify;

    @Column(name = "ORCPT", length = 500)
    private String orcpt;

    @Column(name = "LAST_ERROR", length = 2000)
    private String lastError;

    protected QueueRecipientEntity() {
    }

    QueueRecipientEntity(long entryId, int rcptIndex, String address, String state, String dsnNotify, String orcpt, String lastError) {
        this.entryId = entryId;
        this.rcptIndex = rcptIndex;
        this.address = address;
        this.state = state;
        this.dsnNotify = dsnNotify;
        this.orcpt = orcpt;
        this.lastError = lastError;
    }

    long entryId() {
        return entryId;
    }

    int rcptIndex() {
        return rcptIndex;
    }

    String address() {
        return address;
    }

    String state() {
        return state;
    }

    String dsnNotify() {
        return dsnNotify;
    }

    String orcpt() {
        return orcpt;
    }

    String lastError() {
        return lastError;
    }

    /** The composite primary key (ENTRY_ID, RCPT_INDEX). */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long entryId;
        public int rcptIndex;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.entryId == entryId && k.rcptIndex == rcptIndex;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, rcptIndex);
        }
    }
}
