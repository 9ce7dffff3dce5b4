package io.tenmail.deploy;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.blob.BlobSweeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link BlobSweeper} on one daemon thread of its own, first one interval after start and
 * then one interval after each sweep ends, so sweeps never overlap (the sweeper is not meant to run
 * concurrently with itself). A failed sweep is logged and the next one runs as planned. The sweeper
 * logs one INFO line for each sweep that deleted something. {@link #close} stops the thread,
 * interrupting a sweep in progress, and waits briefly for it.
 */
final class BlobSweepSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BlobSweepSchedule.class);

    private final ScheduledExecutorService executor;

    private BlobSweepSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Schedules {@code sweeper} every {@code interval}. */
    static BlobSweepSchedule start(BlobSweeper sweeper, Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tenmail-blob-sweep");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> sweepOnce(sweeper), millis, millis, TimeUnit.MILLISECONDS);
        return new BlobSweepSchedule(executor);
    }

    static void sweepOnce(BlobSweeper sweeper) {
        try {
            sweeper.sweep();
        } catch (StoreException | RuntimeException e) {
            // a thrown exception would cancel every later run of a scheduled task
            log.warn("blob sweep failed, trying again at the next interval: {}", TenmailServer.rootMessage(e));
            log.debug("blob sweep failed", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) log.warn("the blob sweep did not stop within 10 seconds");
    }
}
