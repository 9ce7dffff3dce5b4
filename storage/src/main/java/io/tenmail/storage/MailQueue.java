package io.tenmail.storage;

import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The durable mail queue between SMTP acceptance and delivery. Thread-safe and safe across
 * processes sharing the database (leases, not locks held by a live thread).
 *
 * <p>Exactly-once: {@link #enqueue} commits before SMTP answers 250. A worker {@link #lease}s due
 * entries for a while; if it dies, the lease expires and the entry is leased again. A worker
 * records per-recipient progress with {@link #update} in the same transaction as nothing else,
 * so local delivery must be idempotent per (entry, recipient): {@code MailboxStore} appends carry
 * no such key, so delivery marks each recipient DELIVERED right after appending for it.
 *
 * <p>Reasons thrown: NOT_FOUND (unknown entry, or a lease that is no longer held), TEMPORARY.
 */
public interface MailQueue {

    /** The processor a new mail starts in. */
    String ROOT = "root";

    /** The error repository: entries parked here are never leased, only listed, retried or deleted. */
    String ERROR = "error";

    /** Durably adds a mail, due now in the "root" processor. */
    QueueEntryId enqueue(QueuedMail mail) throws StoreException;

    /** Leases up to {@code max} due entries (nextAttempt ≤ now, not in "error") for {@code lease}. */
    List<QueueEntry> lease(int max, Duration lease) throws StoreException;

    /** Records per-recipient states and the processor reached, keeping the lease. */
    void update(QueueEntry entry, String processor, List<QueuedRecipient> recipients) throws StoreException;

    /** Removes the entry: every recipient is delivered or bounced. */
    void complete(QueueEntry entry) throws StoreException;

    /** Releases the lease and makes the entry due again at {@code next}, counting an attempt. */
    void reschedule(QueueEntry entry, Instant next, String error) throws StoreException;

    /** Parks the entry in the "error" processor, where only an administrator retries or deletes it. */
    void moveToError(QueueEntry entry, String error) throws StoreException;

    /** Entries in a processor ("error" for the error repository), oldest first; null for all. */
    Page<QueueEntry> list(String processor, int offset, int limit) throws StoreException;

    /** Makes an entry due now, moving an "error" entry back to "root". */
    void retryNow(QueueEntryId id) throws StoreException;

    /** Deletes an entry whatever its state (administrator action). */
    void delete(QueueEntryId id) throws StoreException;

    /** Number of entries not in "error". */
    long size() throws StoreException;

    /** How long until the earliest entry is due, for workers to sleep; null when the queue is empty. */
    Duration untilNextDue() throws StoreException;
}
