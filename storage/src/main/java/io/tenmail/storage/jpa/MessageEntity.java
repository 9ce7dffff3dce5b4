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
 * A message in a mailbox, keyed by (mailbox, UID), the order IMAP reads in. Holds only what flag
 * listings need; the bytes are in the blob store and the parsed structure in
 * {@link ParsedMessageEntity}, shared by every message with the same blob. The mailbox foreign key
 * deletes messages with their mailbox (ON DELETE CASCADE).
 *
 * <p>Listings select the columns ({@link #META}) rather than entities, so that a 100,000-message
 * mailbox is read without filling the persistence context. Queries by MODSEQ have no ORDER BY on
 * purpose: Derby would then walk the primary key instead of the MODSEQ index (770 ms instead of
 * 1 ms on 131,072 messages); callers sort.
 */
@Entity
@Table(name = "MAILBOX_MESSAGE")
@IdClass(MessageEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = MessageEntity.CHANGED_SINCE, query = MessageEntity.META
                + " WHERE m.mailboxId = :mailbox AND m.modSeq > :since"),
        @NamedQuery(name = MessageEntity.UIDS, query = "SELECT m.uid FROM MessageEntity m WHERE m.mailboxId = :mailbox ORDER BY m.uid"),
})
public class MessageEntity {
    public static final String CHANGED_SINCE = "Message.changedSince";
    public static final String UIDS = "Message.uids";
    /** The columns of a {@code MessageMeta}, in this order; callers add WHERE and ORDER BY. */
    public static final String META = "SELECT m.uid, m.modSeq, m.systemFlags, m.keywords, m.internalDate, m.sizeBytes, m.blobId FROM MessageEntity m";
    /** Native SQL (same on every database): moves all messages of a mailbox to another, keeping UIDs. */
    public static final String SQL_MOVE_ALL = "UPDATE MAILBOX_MESSAGE SET MAILBOX_ID = ? WHERE MAILBOX_ID = ?";
    /**
     * Native SQL: UID, MODSEQ, flags, internal date, size and blob of a mailbox's messages by the
     * primary key (parameter: mailbox).
     */
    public static final String SQL_FLAGS_OF_MAILBOX = "SELECT MESSAGE_UID, MODSEQ, SYSTEM_FLAGS, KEYWORDS, INTERNAL_DATE,"
            + " SIZE_BYTES, BLOB_ID FROM MAILBOX_MESSAGE"
            + " WHERE MAILBOX_ID = ? ORDER BY MESSAGE_UID";
    /** Native SQL: deletes the messages of a mailbox in a UID range (parameters: mailbox, first, last). */
    public static final String SQL_DELETE_RANGE = "DELETE FROM MAILBOX_MESSAGE WHERE MAILBOX_ID = ? AND MESSAGE_UID BETWEEN ? AND ?";
    /** Native SQL condition: \Deleted is set (bit 8; Derby has no bit operators). */
    public static final String SQL_IS_DELETED = " AND MOD(SYSTEM_FLAGS, 16) >= 8";

    /**
     * Native SQL that gives the messages of a mailbox in a UID range that have certain flags new
     * flags and a new MODSEQ. Parameters in order: new SYSTEM_FLAGS, [new KEYWORDS], MODSEQ,
     * MAILBOX_ID, first UID, last UID, old SYSTEM_FLAGS, [old KEYWORDS], [highest MODSEQ]; the
     * bracketed ones only when not null. (Native because OpenJPA turns a JPQL bulk update of an
     * entity with a composite key into a correlated sub-select over the whole table.)
     */
    public static String sqlUpdateFlags(boolean newKeywords, boolean oldKeywords, boolean maxModSeq) {
        return "UPDATE MAILBOX_MESSAGE SET SYSTEM_FLAGS = ?, KEYWORDS = " + (newKeywords ? "?" : "NULL") + ", MODSEQ = ?"
                + " WHERE MAILBOX_ID = ? AND MESSAGE_UID BETWEEN ? AND ? AND SYSTEM_FLAGS = ?"
                + " AND KEYWORDS " + (oldKeywords ? "= ?" : "IS NULL")
                + (maxModSeq ? " AND MODSEQ <= ?" : "");
    }

    @Id
    @Column(name = "MAILBOX_ID")
    private long mailboxId;

    @Id
    @Column(name = "MESSAGE_UID")
    private long uid;

    @Column(name = "MODSEQ", nullable = false)
    private long modSeq;

    /** \Seen, \Answered, \Flagged, \Deleted, \Draft as bits; see {@code StoredFlags}. */
    @Column(name = "SYSTEM_FLAGS", nullable = false)
    private int systemFlags;

    /** Keywords separated by spaces, or null for none; see {@code StoredFlags}. */
    @Column(name = "KEYWORDS", length = 4000)
    private String keywords;

    /** Milliseconds since the epoch. */
    @Column(name = "INTERNAL_DATE", nullable = false)
    private long internalDate;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long sizeBytes;

    @Column(name = "BLOB_ID", nullable = false, length = 64)
    private String blobId;

    /** Set by local delivery only, unique (UQ_MESSAGE_DELIVERY_KEY): see {@code MailboxStore.deliver}. */
    @Column(name = "DELIVERY_KEY", length = 100)
    private String deliveryKey;

    protected MessageEntity() {
    }

    public MessageEntity(long mailboxId, long uid, long modSeq, int systemFlags, String keywords, long internalDate,
                         long sizeBytes, String blobId) {
        this.mailboxId = mailboxId;
        this.uid = uid;
        this.modSeq = modSeq;
        this.systemFlags = systemFlags;
        this.keywords = keywords;
        this.internalDate = internalDate;
        this.sizeBytes = sizeBytes;
        this.blobId = blobId;
    }

    public MessageEntity(long mailboxId, long uid, long modSeq, int systemFlags, String keywords, long internalDate,
                         long sizeBytes, String blobId, String deliveryKey) {
        this(mailboxId, uid, modSeq, systemFlags, keywords, internalDate, sizeBytes, blobId);
        this.deliveryKey = deliveryKey;
    }

    public long getMailboxId() { return mailboxId; }
    public long getUid() { return uid; }
    public long getModSeq() { return modSeq; }
    public int getSystemFlags() { return systemFlags; }
    public String getKeywords() { return keywords; }
    public long getInternalDate() { return internalDate; }
    public long getSizeBytes() { return sizeBytes; }
    public String getBlobId() { return blobId; }
    public String getDeliveryKey() { return deliveryKey; }

    /** The primary key: mailbox and UID. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long mailboxId;
        public long uid;

        public Key() {
        }

        public Key(long mailboxId, long uid) {
            this.mailboxId = mailboxId;
            this.uid = uid;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.mailboxId == mailboxId && k.uid == uid;
        }

        @Override
        public int hashCode() {
            return Objects.hash(mailboxId, uid);
        }

        @Override
        public String toString() {
            return mailboxId + "/" + uid;
        }
    }
}
