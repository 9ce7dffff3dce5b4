package io.tenmail.smtp.mailet;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail queue as SMTP intake on this node sees it (ADR 0019): {@link #enqueue} inserts the mail
 * already leased to this node and hands the entry to this node's spooler in memory, so no worker
 * has to select, claim and load it again. The hand-off is bounded: when it is full, or while the
 * spooler is not running, the mail is inserted un-leased and any worker of any node leases it the
 * normal way. Every other operation goes to the queue unchanged. Whatever makes an entry due in
 * the database on this node (an un-leased insert, a release, a reschedule) is reported to a
 * {@link DueListener}, the spooler's {@link LeaseSchedule}, so its workers look at the database
 * when there is something to find rather than whenever they go idle (ADR 0020).
 *
 * <p>Durability does not change: the entry is committed before the caller answers 250, exactly as
 * {@link MailQueue#enqueue}. A handed-off entry that this process never gets to (killed) is leased
 * to this node in the database; the node releases it when it starts again
 * ({@link MailQueue#releaseLeasesOfThisNode}), and another node takes it when the lease runs out.
 * Thread-safe.
 */
public final class HandOffQueue implements MailQueue {
    private static final Logger log = LoggerFactory.getLogger(HandOffQueue.class);

    /** Hears when this node made a queue entry due in the database (at {@code at}: now, or a later attempt). */
    @FunctionalInterface
    interface DueListener {
        void dueAt(Instant at);
    }

    /** An entry leased at enqueue, with the moment its lease began (a worker skips it after half the lease). */
    record Handed(QueueEntry entry, Instant leasedAt) {
    }

    private final MailQueue queue;
    private final int capacity;
    private final Duration lease;
    private final Clock clock;
    private final DueListener due;
    private final ArrayDeque<Handed> handed = new ArrayDeque<>();
    /** Slots taken by enqueues whose insert is under way, so the hand-off never exceeds its capacity. */
    private int reserved;
    private boolean open;

    /**
     * @param capacity entries waiting in memory at most ({@link SpoolerSettings#handOff()})
     * @param lease    the spooler's lease, given to entries inserted leased
     */
    public HandOffQueue(MailQueue queue, int capacity, Duration lease, Clock clock) {
        this(queue, capacity, lease, clock, at -> { });
    }

    /** @param due told whenever an operation through this queue made an entry due in the database */
    HandOffQueue(MailQueue queue, int capacity, Duration lease, Clock clock, DueListener due) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        this.queue = Objects.requireNonNull(queue, "queue");
        this.capacity = capacity;
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.due = Objects.requireNonNull(due, "due");
    }

    /** The spooler is running: enqueues hand off from now on. */
    synchronized void open() {
        open = true;
    }

    /** The spooler stops: no more hand-offs; returns the entries nobody took, for the spooler to release. */
    synchronized List<Handed> close() {
        open = false;
        List<Handed> left = new ArrayList<>(handed);
        handed.clear();
        return left;
    }

    /** The oldest handed-off entry, if any. */
    synchronized Optional<Handed> take() {
        return Optional.ofNullable(handed.poll());
    }

    /** Entries waiting in the hand-off (for tests and logs). */
    synchronized int waiting() {
        return handed.size();
    }

    private synchronized boolean reserve() {
        if (!open || handed.size() + reserved >= capacity) return false;
        reserved++;
        return true;
    }

    private synchronized void cancel() {
        reserved--;
    }

    /** False when the spooler stopped while the entry was being inserted. */
    private synchronized boolean hand(Handed entry) {
        reserved--;
        if (!open) return false;
        handed.add(entry);
        return true;
    }

    @Override
    public QueueEntryId enqueue(QueuedMail mail) throws StoreException {
        if (!reserve()) {
            QueueEntryId id = queue.enqueue(mail);
            due.dueAt(clock.instant());   // before the caller's wake-up: a worker must lease it
            return id;
        }
        Handed entry;
        try {
            Instant leasedAt = clock.instant();   // taken before the insert: the lease started no earlier
            entry = new Handed(queue.enqueueLeased(mail, lease), leasedAt);
        } catch (StoreException | RuntimeException e) {
            cancel();
            throw e;
        }
        if (!hand(entry)) release(entry.entry());
        return entry.entry().id();
    }

    /** Makes an entry nobody will take from the hand-off due again now, for any worker. */
    private void release(QueueEntry entry) {
        try {
            Instant now = clock.instant();
            queue.reschedule(entry, now, null);
            due.dueAt(now);
        } catch (StoreException e) {
            // still leased to this node: released when it starts again, or when the lease runs out
            log.debug("could not release queue entry {}: {}", entry.id().value(), e.getMessage());
        }
    }

    @Override
    public QueueEntry enqueueLeased(QueuedMail mail, Duration lease) throws StoreException {
        return queue.enqueueLeased(mail, lease);
    }

    @Override
    public List<QueueEntry> lease(int max, Duration lease) throws StoreException {
        return queue.lease(max, lease);
    }

    @Override
    public int releaseLeasesOfThisNode() throws StoreException {
        return queue.releaseLeasesOfThisNode();
    }

    @Override
    public void update(QueueEntry entry, String processor, List<QueuedRecipient> recipients) throws StoreException {
        queue.update(entry, processor, recipients);
    }

    @Override
    public void complete(QueueEntry entry) throws StoreException {
        queue.complete(entry);
    }

    @Override
    public int completeAll(List<QueueEntry> entries) throws StoreException {
        return queue.completeAll(entries);
    }

    @Override
    public void reschedule(QueueEntry entry, Instant next, String error) throws StoreException {
        queue.reschedule(entry, next, error);
        due.dueAt(next);
    }

    @Override
    public void moveToError(QueueEntry entry, String error) throws StoreException {
        queue.moveToError(entry, error);
    }

    @Override
    public Page<QueueEntry> list(String processor, int offset, int limit) throws StoreException {
        return queue.list(processor, offset, limit);
    }

    @Override
    public void retryNow(QueueEntryId id) throws StoreException {
        queue.retryNow(id);
        due.dueAt(clock.instant());
    }

    @Override
    public void delete(QueueEntryId id) throws StoreException {
        queue.delete(id);
    }

    @Override
    public long size() throws StoreException {
        return queue.size();
    }

    @Override
    public Duration untilNextDue() throws StoreException {
        return queue.untilNextDue();
    }
}
