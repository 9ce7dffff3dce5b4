package io.tenmail.storage.blob;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BlobId;

import java.util.Collection;
import java.util.Set;

/**
 * Tells the {@link BlobSweeper} which blobs are still in use: referenced by a message in any
 * mailbox or by an entry of the mail queue. Thread-safe.
 */
@FunctionalInterface
public interface BlobReferences {

    /**
     * The subset of {@code candidates} that something still references. Called with batches of
     * a few hundred ids; a blob missing from the answer may be deleted.
     */
    Set<BlobId> referenced(Collection<BlobId> candidates) throws StoreException;

    /**
     * Called after the sweeper deleted these blobs: drops what was kept only because of them
     * (the database's parsed structure of each). Nothing by default.
     */
    default void forget(Collection<BlobId> deleted) throws StoreException {
    }
}
