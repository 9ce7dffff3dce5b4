package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.QuotaUsage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Accounts' usage as this node last read it, for {@code MailboxStore#recentQuota} (SMTP's check at
 * RCPT read the usage row for every recipient). An answer is served for at most
 * {@link #TTL_NANOS}, and never after a change of the account committed on this node: the store
 * calls {@link #changed} after each commit, or {@link #appended} after one that added a message,
 * whose size it then counts in (so that a steady flow of deliveries to an account does not send
 * every RCPT to the database). A reader that started before such a change cannot
 * store what it read: {@link #start} takes a version, and a change marks the account with a newer
 * one. Changes on another node show after the time to live. Thread-safe.
 */
final class RecentUsage {
    static final long TTL_NANOS = 2_000_000_000L;
    /** Beyond this many accounts the memory starts again. */
    private static final int MAX_ENTRIES = 50_000;

    /** A usage read at {@code readAt}, or (usage null) the mark of a change at {@code version}. */
    private record Entry(QuotaUsage usage, long version, long readAt) {
    }

    private final LongSupplier nanoTime;
    private final AtomicLong versions = new AtomicLong();
    private final Map<AccountId, Entry> entries = new ConcurrentHashMap<>();

    RecentUsage(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The version to pass to {@link #put} for a usage read from now on. */
    long start() {
        return versions.get();
    }

    Optional<QuotaUsage> get(AccountId owner) {
        Entry e = entries.get(owner);
        if (e == null || e.usage() == null || nanoTime.getAsLong() - e.readAt() >= TTL_NANOS) return Optional.empty();
        return Optional.of(e.usage());
    }

    /** Keeps a usage read after {@link #start} returned {@code since}, unless the account changed since. */
    void put(AccountId owner, QuotaUsage usage, long since) {
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        long now = nanoTime.getAsLong();
        entries.compute(owner, (k, current) -> current != null && current.version() > since ? current : new Entry(usage, since, now));
    }

    /**
     * A message of {@code bytes} was added to the account (called after the commit): a usage known
     * counts it from now on. A replayed delivery that added nothing is counted too, which errs on
     * the side of a fuller mailbox until the time to live ends.
     */
    void appended(AccountId owner, long bytes) {
        long version = versions.incrementAndGet();
        entries.compute(owner, (k, e) -> e == null || e.usage() == null ? new Entry(null, version, 0)
                : new Entry(new QuotaUsage(e.usage().usedBytes() + bytes, 0, e.usage().messages() + 1), version, e.readAt()));
    }

    /** The account's usage changed (called after the commit). */
    void changed(AccountId owner) {
        long version = versions.incrementAndGet();
        entries.put(owner, new Entry(null, version, 0));
    }
}
