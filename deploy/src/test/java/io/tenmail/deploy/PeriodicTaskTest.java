package io.tenmail.deploy;

import io.tenmail.storage.StoreException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicTaskTest {

    @Test
    void aFailedRunIsLoggedAndTheTaskRunsAgainAtTheNextInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        try (PeriodicTask task = PeriodicTask.start("test sweep", Duration.ZERO, Duration.ofMillis(5), () -> {
            runs.incrementAndGet();
            thirdRun.countDown();
            if (runs.get() == 1) throw new StoreException(StoreException.Reason.TEMPORARY, "database busy");
            if (runs.get() == 2) throw new IllegalStateException("a bug");
        })) {
            assertThat(thirdRun.await(30, TimeUnit.SECONDS)).as("runs after two failures").isTrue();
        }
    }

    @Test
    void aRunInProgressIsInterruptedByClose() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        PeriodicTask task = PeriodicTask.start("test sweep", Duration.ZERO, Duration.ofDays(1), () -> {
            running.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        task.close();
        assertThat(interrupted.getCount()).isZero();
    }
}
