package io.tenmail.storage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What an account's mailboxes hold in total (RFC 9208 STORAGE and MESSAGE), kept in step with
 * every append, copy and expunge in the same transaction. The row is also the account's lock:
 * changes that affect usage or the mailbox namespace lock it first, before any mailbox row, which
 * makes quota checks exact and mailbox creation race-free. It also remembers the last UIDVALIDITY
 * handed out, so that every mailbox of the account gets a distinct, increasing one.
 */
@Entity
@Table(name = "ACCOUNT_USAGE")
public class AccountUsageEntity {

    @Id
    @Column(name = "ACCOUNT_ID")
    private long accountId;

    @Column(name = "USED_BYTES", nullable = false)
    private long usedBytes;

    @Column(name = "MESSAGE_COUNT", nullable = false)
    private long messageCount;

    @Column(name = "LAST_UID_VALIDITY", nullable = false)
    private long lastUidValidity;

    protected AccountUsageEntity() {
    }

    public AccountUsageEntity(long accountId) {
        this.accountId = accountId;
    }

    public long getAccountId() { return accountId; }
    public long getUsedBytes() { return usedBytes; }
    public long getMessageCount() { return messageCount; }
    public long getLastUidValidity() { return lastUidValidity; }
    public void setLastUidValidity(long lastUidValidity) { this.lastUidValidity = lastUidValidity; }

    public void count(long messages, long bytes) {
        this.messageCount += messages;
        this.usedBytes += bytes;
    }
}
