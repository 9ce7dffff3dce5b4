package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Accounts' quota limits as the {@link Directory} gives them, kept for a few seconds: every APPEND
 * and COPY checks the limit, and reading the account each time was a tenth of an APPEND's work.
 * An administrator's new limit therefore applies up to {@link #TTL_NANOS} later (usage itself is
 * always read under lock in the append's transaction, so the limit is never exceeded by more than
 * what the old limit allowed). Unknown accounts are not kept. Thread-safe.
 */
final class QuotaLimits {
    static final long TTL_NANOS = 5_000_000_000L;
    /** Beyond this many accounts the cache starts again. */
    private static final int MAX_ENTRIES = 50_000;

    private record Limit(long bytes, long readAt) {
    }

    private final Directory directory;
    private final LongSupplier nanoTime;
    private final Map<AccountId, Limit> limits = new ConcurrentHashMap<>();

    QuotaLimits(Directory directory, LongSupplier nanoTime) {
        this.directory = directory;
        this.nanoTime = nanoTime;
    }

    /** The account's quota in bytes, 0 for unlimited; NOT_FOUND when the directory does not know it. */
    long bytes(AccountId owner) throws StoreException {
        long now = nanoTime.getAsLong();
        Limit known = limits.get(owner);
        if (known != null && now - known.readAt() < TTL_NANOS) return known.bytes();
        long bytes = directory.findAccount(owner).map(Account::quotaBytes)
                .orElseThrow(() -> new StoreException(Reason.NOT_FOUND, "no such account: " + owner.value()));
        if (limits.size() >= MAX_ENTRIES) limits.clear();
        limits.put(owner, new Limit(bytes, now));
        return bytes;
    }
}
