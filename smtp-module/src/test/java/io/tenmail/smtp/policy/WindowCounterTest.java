package io.tenmail.smtp.policy;

import io.tenmail.storage.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WindowCounterTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void eventsUpToTheLimitAreCountedAndTheNextIsRefused() {
        WindowCounter counter = new WindowCounter(Duration.ofMinutes(1), 10, clock);
        assertThat(counter.tryAdd("a", 1, 2)).isTrue();
        assertThat(counter.tryAdd("a", 1, 2)).isTrue();
        assertThat(counter.tryAdd("a", 1, 2)).isFalse();
        assertThat(counter.count("a")).isEqualTo(2);
        assertThat(counter.tryAdd("b", 1, 2)).as("another key has its own count").isTrue();
    }

    @Test
    void theCountStartsAgainInTheNextWindow() {
        WindowCounter counter = new WindowCounter(Duration.ofHours(1), 10, clock);
        counter.tryAdd("a", 5, 5);
        assertThat(counter.tryAdd("a", 1, 5)).isFalse();
        clock.advance(Duration.ofMinutes(59));
        assertThat(counter.tryAdd("a", 1, 5)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(counter.tryAdd("a", 1, 5)).isTrue();
        assertThat(counter.count("a")).isEqualTo(1);
    }

    @Test
    void aRefusedAddCountsNothing() {
        WindowCounter counter = new WindowCounter(Duration.ofMinutes(1), 10, clock);
        counter.tryAdd("a", 3, 4);
        assertThat(counter.tryAdd("a", 2, 4)).isFalse();
        assertThat(counter.count("a")).isEqualTo(3);
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlyUsedKey() {
        WindowCounter counter = new WindowCounter(Duration.ofMinutes(1), 3, clock);
        counter.tryAdd("a", 1, 10);
        counter.tryAdd("b", 1, 10);
        counter.tryAdd("c", 1, 10);
        counter.tryAdd("a", 1, 10);   // a is now the most recent
        for (int i = 0; i < 100_000; i++) counter.tryAdd("flood-" + i, 1, 10);
        assertThat(counter.size()).isEqualTo(3);
        assertThat(counter.count("b")).as("forgotten").isZero();
    }
}
