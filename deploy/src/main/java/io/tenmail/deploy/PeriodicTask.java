package io.tenmail.deploy;

import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a housekeeping task (the blob sweep, the retention sweep) on a daemon thread of its own:
 * {@code first} after start, then {@code interval} after each run ends, so runs never overlap. A
 * failed run is logged and the next one runs as planned. {@link #close} stops the thread,
 * interrupting a run in progress, and waits briefly for it.
 */
final class PeriodicTask implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    /** One run of the task. */
    @FunctionalInterface
    interface Task {
        void run() throws StoreException;
    }

    private final String name;
    private final ScheduledExecutorService executor;

    private PeriodicTask(String name, ScheduledExecutorService executor) {
        this.name = name;
        this.executor = executor;
    }

    /** Starts {@code task} on a thread named {@code tenmail-<name with dashes>}. */
    static PeriodicTask start(String name, Duration first, Duration interval, Task task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tenmail-" + name.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(name, task), first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicTask(name, executor);
    }

    static void runOnce(String name, Task task) {
        try {
            task.run();
        } catch (StoreException | RuntimeException e) {
            // a thrown exception would cancel every later run of a scheduled task
            log.warn("{} failed, trying again at the next interval: {}", name, TenmailServer.rootMessage(e));
            log.debug("{} failed", name, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) log.warn("the {} did not stop within 10 seconds", name);
    }
}
