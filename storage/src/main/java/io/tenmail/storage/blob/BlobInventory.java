package io.tenmail.storage.blob;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BlobId;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * The listing side of a blob store, for garbage collection. A blob's "stored" time is when it was
 * last {@code put}: storing the same bytes again renews it, so a blob that was just handed to a
 * new message is never old, even if its first copy is.
 */
public interface BlobInventory {

    /** The blobs last stored before {@code cutoff}, lazily; the caller closes the stream. */
    Stream<BlobId> storedBefore(Instant cutoff) throws StoreException;

    /**
     * Deletes the blob if it was last stored before {@code cutoff}, atomically with respect to
     * concurrent puts of the same bytes; true if it was deleted.
     */
    boolean deleteIfStoredBefore(BlobId id, Instant cutoff) throws StoreException;
}
