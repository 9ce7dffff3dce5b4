package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * A tombstone: the UID of an expunged message and the MODSEQ of its expunge, so that
 * {@code changesSince} can report it (RFC 7162 §3.2.10, QRESYNC's VANISHED). Deleted with the
 * mailbox (ON DELETE CASCADE). UIDs are never reused, so a tombstone is never overwritten. The
 * entity's identity is (mailbox, UID); the table's primary key is (mailbox, MODSEQ, UID), the
 * order of the one query that reads it (changelog 0012).
 */
@Entity
@Table(name = "EXPUNGED_MESSAGE")
@IdClass(ExpungedMessageEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = ExpungedMessageEntity.SINCE, query = "SELECT e.uid FROM ExpungedMessageEntity e"
                + " WHERE e.mailboxId = :mailbox AND e.modSeq > :since"),
})
public class ExpungedMessageEntity {
    public static final String SINCE = "Expunged.since";
    /** Native SQL (same on every database): tombstones for every message of a mailbox at one MODSEQ. */
    public static final String SQL_EXPUNGE_ALL = "INSERT INTO EXPUNGED_MESSAGE (MAILBOX_ID, MESSAGE_UID, MODSEQ)"
            + " SELECT MAILBOX_ID, MESSAGE_UID, CAST(? AS BIGINT) FROM MAILBOX_MESSAGE WHERE MAILBOX_ID = ?";
    /** Native SQL: tombstones for the messages in a UID range (parameters: modseq, mailbox, first, last). */
    public static final String SQL_EXPUNGE_RANGE = SQL_EXPUNGE_ALL + " AND MESSAGE_UID BETWEEN ? AND ?";

    @Id
    @Column(name = "MAILBOX_ID")
    private long mailboxId;

    @Id
    @Column(name = "MESSAGE_UID")
    private long uid;

    @Column(name = "MODSEQ", nullable = false)
    private long modSeq;

    protected ExpungedMessageEntity() {
    }

    public ExpungedMessageEntity(long mailboxId, long uid, long modSeq) {
        this.mailboxId = mailboxId;
        this.uid = uid;
        this.modSeq = modSeq;
    }

    public long getMailboxId() { return mailboxId; }
    public long getUid() { return uid; }
    public long getModSeq() { return modSeq; }

    /** The primary key: mailbox and UID. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long mailboxId;
        public long uid;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.mailboxId == mailboxId && k.uid == uid;
        }

        @Override
        public int hashCode() {
            return Objects.hash(mailboxId, uid);
        }
    }
}
