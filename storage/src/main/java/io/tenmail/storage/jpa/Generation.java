package io.tenmail.storage.jpa;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter that moves on after every committed change to one {@link CachedData kind} of data in
 * one database (one EntityManagerFactory, whatever the number of {@link Transactions} on it). A
 * {@link ReadCache} tags every answer with the generation read <em>before</em> the answer was, and
 * serves it only while the generation has not moved: a read that overlapped a change can never be
 * served after it. Thread-safe.
 */
final class Generation {
    private final AtomicLong value = new AtomicLong();

    long current() {
        return value.get();
    }

    /** Called after the change is committed, never before: see {@link Transactions}. */
    void advance() {
        value.incrementAndGet();
    }
}
