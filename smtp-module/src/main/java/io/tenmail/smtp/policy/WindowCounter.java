package io.tenmail.smtp.policy;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts events per key in fixed windows of one length (a minute, an hour, a day) and says whether
 * one more fits under a limit. Memory is bounded: at most {@code maxKeys} keys are tracked, and
 * when a new key arrives the one used least recently is forgotten (so under a flood of distinct
 * keys a forgotten key starts again from zero; the bound wins over exactness, as it must on a
 * server facing the internet). Windows start at multiples of their length since the epoch, so
 * all keys roll over together and a window's count never outlives it.
 *
 * <p>Thread-safe: each call takes one lock, held for a map update only.
 */
public final class WindowCounter {
    private final Duration window;
    private final Clock clock;
    private final Map<String, long[]> counts;   // key -> {window index, count}

    /**
     * @param window  the length of a window, at least a second
     * @param maxKeys keys tracked at once, at least 1
     */
    public WindowCounter(Duration window, int maxKeys, Clock clock) {
        if (window.toSeconds() < 1) throw new IllegalArgumentException("window must be at least a second: " + window);
        if (maxKeys < 1) throw new IllegalArgumentException("maxKeys must be at least 1: " + maxKeys);
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counts = new LinkedHashMap<>(Math.min(maxKeys, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > maxKeys;
            }
        };
    }

    public Duration window() {
        return window;
    }

    /**
     * Counts {@code amount} events for {@code key} if the window's count stays at most
     * {@code limit}; otherwise counts nothing and returns false.
     */
    public synchronized boolean tryAdd(String key, int amount, long limit) {
        long[] entry = current(key);
        if (entry[1] + amount > limit) return false;
        entry[1] += amount;
        return true;
    }

    /** The events counted for {@code key} in the current window. */
    public synchronized long count(String key) {
        return current(key)[1];
    }

    /** How many keys are tracked (at most {@code maxKeys}). */
    public synchronized int size() {
        return counts.size();
    }

    private long[] current(String key) {
        long index = clock.millis() / window.toMillis();
        long[] entry = counts.computeIfAbsent(key, k -> new long[]{index, 0});
        if (entry[0] != index) {
            entry[0] = index;
            entry[1] = 0;
        }
        return entry;
    }
}
