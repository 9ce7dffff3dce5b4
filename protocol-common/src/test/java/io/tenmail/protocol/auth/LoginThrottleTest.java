package io.tenmail.protocol.auth;

import io.tenmail.protocol.MutableClock;
import io.tenmail.protocol.auth.LoginThrottle.Policy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private static final Policy ADDRESS = new Policy(3, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(8));
    private static final Policy ACCOUNT = new Policy(2, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(4));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(ADDRESS, ACCOUNT, 100, clock);
    private final InetAddress client = ip("192.0.2.10");

    @Test
    void freeFailuresAreNotDelayed() {
        fail(client, "alice@example.test", 2);
        assertThat(throttle.check(client, "alice@example.test").allowed()).isTrue();
    }

    @Test
    void firstFailurePastTheFreeOnesWaitsTheFirstDelay() {
        fail(client, "alice@example.test", 3);
        assertThat(throttle.check(client, "alice@example.test").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check(client, "alice@example.test").allowed()).isTrue();
    }

    @Test
    void delayDoublesWithEachFurtherFailureUpToTheMaximum() {
        fail(client, "alice@example.test", 4);
        assertThat(throttle.check(client, "alice@example.test").retryAfter()).isEqualTo(Duration.ofSeconds(2));
        fail(client, "alice@example.test", 1);
        assertThat(throttle.check(client, "alice@example.test").retryAfter()).isEqualTo(Duration.ofSeconds(4));
        fail(client, "alice@example.test", 50);
        assertThat(throttle.check(client, "alice@example.test").retryAfter()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void delayCountsFromTheLatestFailure() {
        fail(client, "alice@example.test", 4);
        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.check(client, "alice@example.test").retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        fail(client, "alice@example.test", 3);
        clock.advance(Duration.ofMinutes(6));
        fail(client, "alice@example.test", 1);           // 4 in the window: 2 s (account), 1 s (address)
        clock.advance(Duration.ofMinutes(4).plusSeconds(1));  // the first three have left the window
        assertThat(throttle.check(client, "alice@example.test").allowed()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.check(client, "alice@example.test").allowed()).isTrue();
        assertThat(throttle.trackedKeys()).containsExactly(0, 0);
    }

    @Test
    void accountIsThrottledWhateverAddressTheGuessesComeFrom() {
        for (int i = 1; i <= 3; i++) throttle.failed(ip("198.51.100." + i), "alice@example.test");
        assertThat(throttle.check(ip("203.0.113.7"), "alice@example.test").allowed()).isFalse();
        assertThat(throttle.check(ip("203.0.113.7"), "bob@example.test").allowed()).isTrue();
    }

    @Test
    void addressIsThrottledWhateverAccountsItGuesses() {
        for (int i = 0; i < 4; i++) throttle.failed(client, "user" + i + "@example.test");
        assertThat(throttle.check(client, "someone-new@example.test").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.check(client, null).allowed()).isFalse();
    }

    @Test
    void accountNamesAreComparedCaseInsensitively() {
        fail(client, "Alice@Example.TEST", 3);
        assertThat(throttle.check(ip("203.0.113.7"), "alice@example.test").allowed()).isFalse();
    }

    @Test
    void successForgivesTheAccountButNotTheAddress() {
        for (int i = 0; i < 4; i++) throttle.failed(client, "alice@example.test");
        clock.advance(Duration.ofSeconds(2));
        throttle.succeeded(client, "alice@example.test");
        assertThat(throttle.check(ip("203.0.113.7"), "alice@example.test").allowed()).isTrue();
        throttle.failed(client, "bob@example.test");
        assertThat(throttle.check(client, "carol@example.test").allowed()).isFalse();
    }

    @Test
    void ipv6ClientsInTheSameSlash64ShareOneCounter() {
        for (int i = 1; i <= 4; i++) throttle.failed(ip("2001:db8:1:2::" + i), "user" + i + "@example.test");
        assertThat(throttle.check(ip("2001:db8:1:2:ffff::1"), null).allowed()).isFalse();
        assertThat(throttle.check(ip("2001:db8:1:3::1"), null).allowed()).isTrue();
    }

    @Test
    void ipv4MappedAddressesCountAsTheirIpv4Address() {
        assertThat(LoginThrottle.addressKey(ip("::ffff:192.0.2.10"))).isEqualTo("192.0.2.10");
        assertThat(LoginThrottle.addressKey(ip("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void memoryStaysBoundedWhenManyAddressesFail() {
        for (int i = 0; i < 1000; i++) throttle.failed(ip("10.0." + (i / 250) + "." + (i % 250)), "user" + i + "@example.test");
        assertThat(throttle.trackedKeys()).containsExactly(100, 100);
        // the most recent keys are the ones kept
        throttle.failed(ip("10.0.3.249"), null);
        throttle.failed(ip("10.0.3.249"), null);
        throttle.failed(ip("10.0.3.249"), null);
        assertThat(throttle.check(ip("10.0.3.249"), null).allowed()).isFalse();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        LoginThrottle shared = new LoginThrottle(new Policy(399, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMinutes(1)),
                ACCOUNT, 100, clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) shared.failed(client, null);
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        // 400 failures, 399 free: exactly the first delay
        assertThat(shared.check(client, null).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    private void fail(InetAddress from, String account, int times) {
        for (int i = 0; i < times; i++) throttle.failed(from, account);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
