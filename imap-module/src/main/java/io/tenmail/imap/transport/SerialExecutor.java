package io.tenmail.imap.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one connection's tasks one at a time, in submission order, on a shared pool: the ordered
 * executor stage that keeps storage and disk work off the I/O threads (STYLE.md §3) while the
 * session code stays single-threaded. Thread-safe.
 */
final class SerialExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);
    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                log.debug("executor shut down; dropping tasks of a closing connection");
                tasks.clear();
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            // a bounded batch, so that one busy connection cannot hold a worker forever
            for (int i = 0; i < 64 && (task = tasks.poll()) != null; i++) task.run();
        } finally {
            scheduled.set(false);
            schedule();
        }
    }
}
