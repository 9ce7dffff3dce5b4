package io.tenmail.storage;

import io.tenmail.storage.model.BlobId;

import java.io.InputStream;

/**
 * Content-addressed storage of message bytes. The same bytes always get the same {@link BlobId},
 * so a message for 500 recipients is stored once. Thread-safe.
 *
 * <p>Durability: when {@link #put} returns, the bytes are on stable storage (written to a
 * temporary file, fsynced, renamed into place, directory fsynced). A blob is only deleted by
 * {@link #delete}, which callers use only for blobs no message or queue entry references.
 */
public interface BlobStore {

    /** Stored blob: its address and length in bytes. */
    record StoredBlob(BlobId id, long size) {
    }

    /**
     * Streams {@code content} to stable storage. Reads at most {@code maxBytes} (plus one byte to
     * see that there is more); more is TOO_BIG and nothing is kept. A failure to read
     * {@code content} is TEMPORARY with the source's IOException as the cause.
     */
    StoredBlob put(InputStream content, long maxBytes) throws StoreException;

    /** Opens the blob for reading; NOT_FOUND if it does not exist. */
    InputStream open(BlobId id) throws StoreException;

    /**
     * Opens the blob at {@code offset}, for partial fetches; an offset at or past the end reads as
     * empty. NOT_FOUND if it does not exist.
     */
    InputStream open(BlobId id, long offset) throws StoreException;

    long size(BlobId id) throws StoreException;

    boolean exists(BlobId id) throws StoreException;

    /** Deletes the blob; deleting one that does not exist does nothing. */
    void delete(BlobId id) throws StoreException;
}
