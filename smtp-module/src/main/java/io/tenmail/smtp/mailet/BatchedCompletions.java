package io.tenmail.smtp.mailet;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.QueueEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Removes finished queue entries many at a time, on a thread of its own (ADR 0020): a worker that
 * finished a replay-safe pass ({@link ProcessingResult#replaySafe()}) hands the entry here and goes
 * on; this thread gathers entries for up to {@code gather} (or until {@code max} are waiting) and
 * removes them in one transaction ({@link MailQueue#completeAll}).
 *
 * <p>Until then an entry stays leased to this node, so no other worker or node takes it. If the
 * process dies first, the node releases the lease when it starts again (another node takes it
 * when the lease runs out) and the pass is replayed: local delivery finds its earlier delivery by
 * its key and stores nothing twice (ADR 0009). A removal that fails is logged and left to the
 * same replay when the lease runs out. Passes that queued mail or ran other mailets are completed
 * by the worker at once, as before. Thread-safe.
 */
final class BatchedCompletions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchedCompletions.class);

    private final MailQueue queue;
    private final long gatherNanos;
    private final int max;
    private final List<QueueEntry> pending = new ArrayList<>();
    private final Thread thread;
    /** When the oldest pending entry arrived (System.nanoTime), valid while pending is not empty. */
    private long oldest;
    private boolean open = true;

    /**
     * @param gather how long the first entry of a batch waits for others at most
     * @param max    entries per transaction at most
     */
    BatchedCompletions(MailQueue queue, Duration gather, int max, String threadName) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1: " + max);
        this.queue = Objects.requireNonNull(queue, "queue");
        this.gatherNanos = gather.toNanos();
        this.max = max;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Removes the entry soon (at once, on the caller's thread, once this is closed). */
    void complete(QueueEntry entry) throws StoreException {
        synchronized (this) {
            if (open) {
                if (pending.isEmpty()) oldest = System.nanoTime();
                pending.add(entry);
                if (pending.size() == 1 || pending.size() >= max) notifyAll();
                return;
            }
        }
        queue.complete(entry);
    }

    /** Entries handed here and not removed yet (for tests). */
    synchronized int waiting() {
        return pending.size();
    }

    private void run() {
        while (true) {
            List<QueueEntry> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) return;
            remove(batch);
        }
    }

    /** The next batch to remove; null once closed with nothing left. */
    private synchronized List<QueueEntry> nextBatch() throws InterruptedException {
        while (true) {
            if (pending.isEmpty()) {
                if (!open) return null;
                wait();
                continue;
            }
            long left = oldest + gatherNanos - System.nanoTime();
            if (!open || pending.size() >= max || left <= 0) break;
            wait(Math.max(1, left / 1_000_000), 0);
        }
        int n = Math.min(max, pending.size());
        List<QueueEntry> batch = new ArrayList<>(pending.subList(0, n));
        pending.subList(0, n).clear();
        oldest = System.nanoTime() - gatherNanos;   // the rest waited already: the next round takes them at once
        return batch;
    }

    private void remove(List<QueueEntry> batch) {
        try {
            int removed = queue.completeAll(batch);
            if (removed < batch.size()) {
                log.debug("{} of {} finished queue entries had lost their lease; their new holders finish them", batch.size() - removed, batch.size());
            }
        } catch (StoreException e) {
            log.warn("cannot remove {} finished queue entries: {} ({}); they are processed again, delivering nothing twice, when their lease runs out",
                    batch.size(), e.getMessage(), e.reason());
        } catch (RuntimeException e) {
            log.error("removing {} finished queue entries failed unexpectedly; they are processed again when their lease runs out", batch.size(), e);
        }
    }

    /** Removes what is waiting and stops the thread; later entries are removed at once by their callers. */
    @Override
    public void close() {
        synchronized (this) {
            if (!open) return;
            open = false;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
