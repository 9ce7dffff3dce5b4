package io.tenmail.deploy;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.retention.RetentionSweeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link RetentionSweeper} on a daemon thread of its own: {@link #FIRST} after start, then
 * once a {@link #INTERVAL} after each sweep ends. A failed sweep is logged and the next one runs as
 * planned. {@link #close} stops the thread and waits briefly for a sweep in progress.
 */
final class RetentionSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    /** Not at start-up, where the server has enough to do; soon enough that a test run sees one. */
    static final Duration FIRST = Duration.ofMinutes(10);
    static final Duration INTERVAL = Duration.ofDays(1);

    private final ScheduledExecutorService executor;

    private RetentionSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static RetentionSchedule start(RetentionSweeper sweeper) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tenmail-retention");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> sweepOnce(sweeper), FIRST.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return new RetentionSchedule(executor);
    }

    static void sweepOnce(RetentionSweeper sweeper) {
        try {
            sweeper.sweep();
        } catch (StoreException | RuntimeException e) {
            // a thrown exception would cancel every later run of a scheduled task
            log.warn("retention sweep failed, trying again tomorrow: {}", TenmailServer.rootMessage(e));
            log.debug("retention sweep failed", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) log.warn("the retention sweep did not stop within 10 seconds");
    }
}
