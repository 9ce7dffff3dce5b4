package io.tenmail.pop3.session;

import io.tenmail.storage.model.AccountId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MaildropLocksTest {
    private final MaildropLocks locks = new MaildropLocks();
    private final AccountId alice = new AccountId(1);
    private final AccountId bob = new AccountId(2);

    @Test
    void aSecondLockOnTheSameAccountIsRefusedUntilTheFirstIsReleased() {
        var first = locks.tryLock(alice).orElseThrow();
        assertThat(locks.tryLock(alice)).isEmpty();
        assertThat(locks.tryLock(bob)).isPresent();
        first.close();
        assertThat(locks.tryLock(alice)).isPresent();
    }

    @Test
    void releasingTwiceDoesNotReleaseSomeoneElsesLock() {
        var first = locks.tryLock(alice).orElseThrow();
        first.close();
        var second = locks.tryLock(alice).orElseThrow();
        first.close();
        assertThat(locks.isLocked(alice)).isTrue();
        second.close();
        assertThat(locks.isLocked(alice)).isFalse();
    }

    @Test
    void concurrentLoginsGetExactlyOneLock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return locks.tryLock(alice).isPresent();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) if (r.get(10, TimeUnit.SECONDS)) won++;
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
