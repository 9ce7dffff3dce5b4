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
 * entries for a while; if it dies, the lease expires and the entry is leased again. Each lease
 * records the node (process) that holds it, so a node restarted after a crash takes its own
 * entries back at once ({@link #releaseLeasesOfThisNode}). A pass replayed after a crash must
 * therefore be harmless: local delivery carries a delivery key per (entry, account) that the
 * mailbox store honours (ADR 0009), and {@link #update} records which recipients are still pending
 * when a pass defers some of them.
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

    /**
     * Durably adds a mail like {@link #enqueue}, already leased to this node for {@code lease}: the
     * caller hands the returned entry to a worker of this node, which processes it without a lease
     * round trip (ADR 0019). If nobody does, the lease runs out (or this node releases it when it
     * starts again) and the entry is leased the normal way.
     */
    QueueEntry enqueueLeased(QueuedMail mail, Duration lease) throws StoreException;

    /** Leases up to {@code max} due entries (nextAttempt ≤ now, not in "error") for {@code lease}, to this node. */
    List<QueueEntry> lease(int max, Duration lease) throws StoreException;

    /**
     * Releases every lease this node still holds from a previous life (a kill before its workers
     * finished or released their entries): those entries are leasable again at once, instead of
     * after their lease ran out. Leases of other nodes are left alone. A node calls it once when its
     * spooler starts, before it leases anything; a worker that still held a released lease gets
     * NOT_FOUND from its next operation.
     *
     * @return how many leases were released
     */
    int releaseLeasesOfThisNode() throws StoreException;

    /** Records per-recipient states and the processor reached, keeping the lease. */
    void update(QueueEntry entry, String processor, List<QueuedRecipient> recipients) throws StoreException;

    /** Removes the entry: every recipient is delivered or bounced. */
    void complete(QueueEntry entry) throws StoreException;

    /**
     * Removes every entry of {@code entries} whose lease the caller still holds, like
     * {@link #complete} for each, in one transaction (ADR 0020); an entry whose lease was lost is
     * left to its new holder and not counted. Either all the held entries are removed or none.
     *
     * @return the entries removed
     */
    int completeAll(List<QueueEntry> entries) throws StoreException;

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
