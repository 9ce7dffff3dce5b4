package io.tenmail.smtp.mailet;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process signal "a mail was just queued": SMTP intake and the mailet context raise it
 * after each commit, and idle spooler workers wake at once instead of waiting for their next poll,
 * which keeps the latency from 250 to the mailbox low. A generation counter closes the race
 * between a worker finding the queue empty and going to sleep. A second counter tells the spooler
 * that an entry nobody holds was queued ({@link #signalUnleased}), so that its next look at the
 * database is due at once ({@link LeaseSchedule}); a mail handed to the workers in memory only
 * {@link #signal}s. Thread-safe.
 */
@ApplicationScoped
public class QueueWakeup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private long generation;
    private final AtomicLong unleased = new AtomicLong();

    /** The current generation; pass it to {@link #await} after looking at the queue. */
    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting worker. */
    public void signal() {
        lock.lock();
        try {
            generation++;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records that an entry nobody holds was queued (a worker must lease it from the database), then wakes every worker. */
    public void signalUnleased() {
        unleased.incrementAndGet();
        signal();
    }

    /** How many times {@link #signalUnleased} was called: a change means un-leased entries were queued since. */
    public long unleasedQueued() {
        return unleased.get();
    }

    /**
     * Waits until a signal after {@code seen} or until {@code max} has passed.
     *
     * @return true if signalled
     */
    public boolean await(long seen, Duration max) throws InterruptedException {
        long nanos = max.toNanos();
        lock.lock();
        try {
            while (generation == seen) {
                if (nanos <= 0) return false;
                nanos = queued.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** For tests: waits up to {@code timeout} for any signal. */
    boolean awaitAny(long timeout, TimeUnit unit) throws InterruptedException {
        return await(generation(), Duration.ofNanos(unit.toNanos(timeout)));
    }
}
