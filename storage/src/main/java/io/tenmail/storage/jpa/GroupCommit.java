package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Group commit: units of work that several threads submit at about the same time run in one
 * database transaction, so they share one commit (one log flush to disk) instead of paying one
 * each (ADR 0013). Each caller blocks until the transaction that carried its work has committed,
 * so a caller that returns knows its work is durable, exactly as with {@link Transactions#run};
 * a caller never returns before its own commit, which is what lets SMTP answer 250 only after
 * the queue entry is on disk.
 *
 * <p>Leader and followers: a caller that finds no transaction running becomes the leader, takes
 * every waiting unit (at most {@code maxGroup}) and runs them; the ones that arrive meanwhile wait
 * and form the next group. A lone caller runs at once, alone, with no added delay.
 *
 * <p>Failure isolation: if the shared transaction fails (one unit throws, a constraint fails),
 * it is rolled back and every unit of the group runs again in its own transaction, so one bad
 * unit fails only its own caller. Units must therefore do nothing outside the database that a
 * rollback cannot undo, and must build their entities inside {@link Transactions.Work#run}.
 * Thread-safe.
 */
final class GroupCommit {
    private final Transactions transactions;
    private final int maxGroup;
    private final Object lock = new Object();
    private final ArrayDeque<Unit<?>> waiting = new ArrayDeque<>();
    private boolean leading;

    GroupCommit(Transactions transactions, int maxGroup) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        if (maxGroup < 1) throw new IllegalArgumentException("maxGroup must be at least 1: " + maxGroup);
        this.maxGroup = maxGroup;
    }

    /** Runs {@code work} in a transaction shared with concurrent callers; returns after it committed. */
    <T> T run(Transactions.Work<T> work) throws StoreException {
        Unit<T> mine = new Unit<>(Objects.requireNonNull(work, "work"));
        boolean interrupted = false;
        try {
            while (true) {
                List<Unit<?>> group;
                synchronized (lock) {
                    if (!mine.queued) {
                        waiting.add(mine);
                        mine.queued = true;
                    }
                    while (!mine.done && leading) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;   // the work may be committing: wait for its outcome all the same
                        }
                    }
                    if (mine.done) return mine.outcome();
                    leading = true;
                    group = new ArrayList<>(Math.min(maxGroup, waiting.size()));
                    while (!waiting.isEmpty() && group.size() < maxGroup) group.add(waiting.poll());
                }
                try {
                    execute(group);
                } finally {
                    synchronized (lock) {
                        leading = false;
                        lock.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Units queued behind the running transaction (tests: to know a group has formed). */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private void execute(List<Unit<?>> group) {
        try {
            executeGroup(group);
        } catch (Error e) {
            // no caller may wait for ever on a unit whose leader died
            for (Unit<?> u : group) if (!u.done) u.fail(new IllegalStateException("group commit failed: " + e, e));
            throw e;
        }
    }

    private void executeGroup(List<Unit<?>> group) {
        if (group.size() == 1) {
            alone(group.get(0));
            return;
        }
        try {
            List<Object> results = transactions.run(em -> {
                List<Object> r = new ArrayList<>(group.size());
                for (Unit<?> u : group) r.add(u.work.run(em));
                return r;
            });
            for (int i = 0; i < group.size(); i++) group.get(i).succeed(results.get(i));
        } catch (StoreException | RuntimeException e) {
            // rolled back as a whole: each unit on its own, so only the faulty one fails
            for (Unit<?> u : group) alone(u);
        }
    }

    private static void alone(Unit<?> unit) {
        unit.runAlone();
    }

    private final class Unit<T> {
        final Transactions.Work<T> work;
        boolean queued;       // guarded by lock
        volatile boolean done;
        private T result;
        private StoreException storeFailure;
        private RuntimeException failure;

        Unit(Transactions.Work<T> work) {
            this.work = work;
        }

        void runAlone() {
            try {
                result = transactions.run(work);
            } catch (StoreException e) {
                storeFailure = e;
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
        }

        @SuppressWarnings("unchecked")
        void succeed(Object value) {
            result = (T) value;
            done = true;
        }

        T outcome() throws StoreException {
            if (storeFailure != null) throw storeFailure;
            if (failure != null) throw failure;
            return result;
        }
    }
}
