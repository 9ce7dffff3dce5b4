package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers answers read from the database that mail routing asks again for every message and
 * recipient (the directory's resolutions and accounts, spam policies and lists, Bayes totals), so
 * that a message costs a few map look-ups instead of a transaction with several queries each.
 *
 * <p>Why an answer is never staler than this: every answer is tagged with the {@link Generation}
 * of its data read <em>before</em> the database was, and is served only while that generation is
 * current; a change committed on this node advances the generation after the commit (see
 * {@link Transactions}), so the next call after a change reads the database again, and a read
 * that overlapped the change cannot be served afterwards. Changes made by <em>other</em> nodes
 * sharing the database are seen once the answer's time-to-live has passed
 * ({@code tenmail.directory.cache-seconds}). A zero time-to-live switches the cache off.
 *
 * <p>Bounded: when it holds {@code maxEntries} answers it starts over empty, which is cheaper than
 * tracking use and costs only re-reads, since the routing working set is far below the bound.
 * Failures are not remembered. Answers must be immutable. Thread-safe.
 */
final class ReadCache {
    static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** Reads an answer from the database. */
    @FunctionalInterface
    interface Loader<V> {
        V load() throws StoreException;
    }

    private record Entry(Object value, long generation, long expiresMillis) {
    }

    private final Generation generation;
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();

    ReadCache(Generation generation, Duration ttl, int maxEntries, Clock clock) {
        this.generation = Objects.requireNonNull(generation, "generation");
        if (ttl.isNegative()) throw new IllegalArgumentException("a cache time-to-live cannot be negative, was " + ttl);
        if (maxEntries < 1) throw new IllegalArgumentException("a cache holds at least one answer, was " + maxEntries);
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With the default bound and the system clock. */
    ReadCache(Generation generation, Duration ttl) {
        this(generation, ttl, DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    /**
     * The answer remembered under {@code key} if it is still good, else the one {@code loader}
     * reads, remembered unless the data changed meanwhile. Keys must implement equals and
     * hashCode (records) and differ between the questions sharing this cache.
     */
    @SuppressWarnings("unchecked")
    <V> V get(Object key, Loader<V> loader) throws StoreException {
        if (ttlMillis == 0) return loader.load();
        long before = generation.current();
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == before && now < entry.expiresMillis()) return (V) entry.value();
        V value = loader.load();
        // an answer read while the data changed would be discarded at once: do not even store it
        if (generation.current() == before) {
            if (entries.size() >= maxEntries) entries.clear();
            entries.put(key, new Entry(value, before, now + ttlMillis));
        }
        return value;
    }

    /** How many answers are held, good or not (for tests). */
    int size() {
        return entries.size();
    }
}
