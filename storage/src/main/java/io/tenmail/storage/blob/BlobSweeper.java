package io.tenmail.storage.blob;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.BlobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes blobs that nothing references any more and that were last stored longer ago than a
 * grace period.
 *
 * <p>Why a grace period: a blob is written before the message or queue entry that references it
 * is committed (SMTP DATA streams to the blob store, then enqueues), so a young unreferenced blob
 * is usually one about to be referenced. The period must be much longer than the slowest
 * put-then-commit (an hour is plenty). Storing the same bytes again renews a blob's time (see
 * {@link BlobInventory}), and the final delete re-checks that time under the store's lock, so a
 * blob picked up by a new message between the reference check and the delete survives.
 *
 * <p>Not a CDI bean: the composition root builds it with the {@link BlobReferences} of the
 * database and runs {@link #sweep} periodically on one node. Not meant to run concurrently with
 * itself.
 */
public final class BlobSweeper {
    private static final Logger log = LoggerFactory.getLogger(BlobSweeper.class);
    static final int DEFAULT_BATCH = 500;

    private final BlobInventory inventory;
    private final BlobReferences references;
    private final Duration grace;
    private final Clock clock;
    private final int batchSize;

    /** The result of one sweep: how many old blobs were checked and how many were deleted. */
    public record Result(long examined, long deleted) {
    }

    public BlobSweeper(BlobInventory inventory, BlobReferences references, Duration grace) {
        this(inventory, references, grace, Clock.systemUTC(), DEFAULT_BATCH);
    }

    public BlobSweeper(BlobInventory inventory, BlobReferences references, Duration grace, Clock clock, int batchSize) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.references = Objects.requireNonNull(references, "references");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (grace.isNegative()) throw new IllegalArgumentException("grace period must not be negative: " + grace);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        this.batchSize = batchSize;
    }

    /** Deletes unreferenced blobs stored before now minus the grace period. */
    public Result sweep() throws StoreException {
        Instant cutoff = clock.instant().minus(grace);
        long examined = 0;
        long deleted = 0;
        try (Stream<BlobId> old = inventory.storedBefore(cutoff)) {
            Iterator<BlobId> it = old.iterator();
            List<BlobId> batch = new ArrayList<>(batchSize);
            while (true) {
                boolean more = hasNext(it);
                if (more) batch.add(it.next());
                if (batch.size() == batchSize || (!more && !batch.isEmpty())) {
                    examined += batch.size();
                    deleted += deleteUnreferenced(batch, cutoff);
                    batch.clear();
                }
                if (!more) break;
            }
        }
        if (deleted > 0) log.info("blob sweep deleted {} of {} blobs older than {}", deleted, examined, cutoff);
        return new Result(examined, deleted);
    }

    private int deleteUnreferenced(List<BlobId> batch, Instant cutoff) throws StoreException {
        Set<BlobId> inUse = references.referenced(List.copyOf(batch));
        List<BlobId> deleted = new ArrayList<>();
        for (BlobId id : batch) {
            if (!inUse.contains(id) && inventory.deleteIfStoredBefore(id, cutoff)) deleted.add(id);
        }
        if (!deleted.isEmpty()) references.forget(deleted);
        return deleted.size();
    }

    private static boolean hasNext(Iterator<BlobId> it) throws StoreException {
        try {
            return it.hasNext();
        } catch (UncheckedIOException e) {
            throw new StoreException(Reason.TEMPORARY, "cannot list blobs: " + e.getMessage(), e);
        }
    }
}
