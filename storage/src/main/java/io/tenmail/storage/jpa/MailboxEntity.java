package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A mailbox of one account, with the counters STATUS needs (RFC 9051 §6.3.11) so that it never
 * counts messages, and a count of \Deleted messages so that an idle EXPUNGE costs nothing. The row is also the lock that serialises UID and MODSEQ allocation: every
 * change to the mailbox's messages first locks it (see {@code MailboxRows#lock}).
 * {@code ownerId} refers to ACCOUNT(ID); the foreign key is added with the directory schema.
 */
@Entity
@Table(name = "MAILBOX")
@NamedQueries({
        @NamedQuery(name = MailboxEntity.BY_OWNER, query = "SELECT m FROM MailboxEntity m WHERE m.ownerId = :owner"),
        @NamedQuery(name = MailboxEntity.BY_NAME, query = "SELECT m FROM MailboxEntity m WHERE m.ownerId = :owner AND m.name = :name"),
        @NamedQuery(name = MailboxEntity.BY_USE, query = "SELECT m FROM MailboxEntity m WHERE m.ownerId = :owner AND m.specialUse = :use"),
})
public class MailboxEntity {
    public static final String BY_OWNER = "Mailbox.byOwner";
    public static final String BY_NAME = "Mailbox.byName";
    public static final String BY_USE = "Mailbox.byUse";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "OWNER_ID", nullable = false)
    private long ownerId;

    @Column(name = "NAME", nullable = false, length = 1000)
    private String name;

    /** A {@code SpecialUse} constant name, or null. */
    @Column(name = "SPECIAL_USE", length = 16)
    private String specialUse;

    @Column(name = "SUBSCRIBED", nullable = false)
    private boolean subscribed;

    @Column(name = "UID_VALIDITY", nullable = false)
    private long uidValidity;

    @Column(name = "UID_NEXT", nullable = false)
    private long uidNext;

    @Column(name = "HIGHEST_MODSEQ", nullable = false)
    private long highestModSeq;

    @Column(name = "MESSAGE_COUNT", nullable = false)
    private long messageCount;

    @Column(name = "UNSEEN_COUNT", nullable = false)
    private long unseenCount;

    /** Messages with \Deleted: an EXPUNGE finds nothing to do without reading any message when 0. */
    @Column(name = "DELETED_COUNT", nullable = false)
    private long deletedCount;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long sizeBytes;

    protected MailboxEntity() {
    }

    public MailboxEntity(long ownerId, String name, String specialUse, boolean subscribed, long uidValidity) {
        this.ownerId = ownerId;
        this.name = name;
        this.specialUse = specialUse;
        this.subscribed = subscribed;
        this.uidValidity = uidValidity;
        this.uidNext = 1;
    }

    public long getId() { return id; }
    public long getOwnerId() { return ownerId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSpecialUse() { return specialUse; }
    public void setSpecialUse(String specialUse) { this.specialUse = specialUse; }
    public boolean isSubscribed() { return subscribed; }
    public void setSubscribed(boolean subscribed) { this.subscribed = subscribed; }
    public long getUidValidity() { return uidValidity; }
    public long getUidNext() { return uidNext; }
    public void setUidNext(long uidNext) { this.uidNext = uidNext; }
    public long getHighestModSeq() { return highestModSeq; }
    public void setHighestModSeq(long highestModSeq) { this.highestModSeq = highestModSeq; }
    public long getMessageCount() { return messageCount; }
    public long getUnseenCount() { return unseenCount; }
    public long getDeletedCount() { return deletedCount; }
    public long getSizeBytes() { return sizeBytes; }

    /** Adjusts the counters by the given differences. */
    public void count(long messages, long unseen, long deleted, long bytes) {
        this.messageCount += messages;
        this.unseenCount += unseen;
        this.deletedCount += deleted;
        this.sizeBytes += bytes;
    }
}
