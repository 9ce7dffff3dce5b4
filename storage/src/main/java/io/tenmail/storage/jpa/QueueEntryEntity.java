package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the mail queue (table QUEUE_ENTRY, changelog 0003-queue.xml). Times are epoch
 * milliseconds, so comparisons are plain integer comparisons on every database. Recipients and
 * attributes live in their own tables, keyed by this entry's id and loaded in batches by
 * {@link JpaMailQueue}; there is no JPA relationship on purpose (no lazy loading, no cascades:
 * JpaMailQueue deletes them with the entry, changelog 0010). Since changelog 0011 the attributes are
 * kept in this row ({@link QueueAttributesColumn}) unless they are too long for it. LEASE_NODE is
 * written by JpaMailQueue's SQL only and not mapped here.
 */
@Entity
@Table(name = "QUEUE_ENTRY")
public class QueueEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "BLOB_ID", nullable = false, length = 64)
    private String blobId;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long sizeBytes;

    /** Null for the null reverse-path {@code <>}. */
    @Column(name = "REVERSE_PATH", length = 320)
    private String reversePath;

    @Column(name = "RECEIVED_AT", nullable = false)
    private long receivedAt;

    @Column(name = "PROCESSOR", nullable = false, length = 100)
    private String processor;

    /** 1 while in the "error" processor: never leased, not counted in the queue's size. */
    @Column(name = "PARKED", nullable = false)
    private int parked;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "LAST_ERROR", length = 2000)
    private String lastError;

    /** Incremented by every lease, so a worker whose lease expired and was taken is told so. */
    @Column(name = "LEASE_TOKEN", nullable = false)
    private long leaseToken;

    /** Null when not leased. */
    @Column(name = "LEASED_UNTIL")
    private Long leasedUntil;

    /** The attributes ({@link QueueAttributesColumn}); null when they are in QUEUE_ATTRIBUTE rows. */
    @Column(name = "ATTRIBUTES", length = QueueAttributesColumn.MAX_LENGTH)
    private String attributes;

    protected QueueEntryEntity() {
    }

    QueueEntryEntity(String blobId, long sizeBytes, String reversePath, long receivedAt, String processor, long nextAttemptAt) {
        this.blobId = blobId;
        this.sizeBytes = sizeBytes;
        this.reversePath = reversePath;
        this.receivedAt = receivedAt;
        this.processor = processor;
        this.nextAttemptAt = nextAttemptAt;
    }

    long id() {
        return id;
    }

    String blobId() {
        return blobId;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    String reversePath() {
        return reversePath;
    }

    long receivedAt() {
        return receivedAt;
    }

    String processor() {
        return processor;
    }

    int attempts() {
        return attempts;
    }

    long nextAttemptAt() {
        return nextAttemptAt;
    }

    String lastError() {
        return lastError;
    }

    long leaseToken() {
        return leaseToken;
    }

    String attributes() {
        return attributes;
    }
}
