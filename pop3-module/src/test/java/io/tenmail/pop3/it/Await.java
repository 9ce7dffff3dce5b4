package io.tenmail.pop3.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a deadline, polling; never a fixed sleep. */
final class Await {
    private Await() {
    }

    static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.onSpinWait();
            Thread.sleep(10);
        }
    }
}
