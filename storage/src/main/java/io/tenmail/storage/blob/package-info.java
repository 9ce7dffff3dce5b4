/**
 * The blob store on local disk ({@link io.tenmail.storage.blob.FileBlobStore}: content-addressed
 * files, written to a temporary file, fsynced and renamed into place) and the garbage collection
 * of blobs nothing references any more ({@link io.tenmail.storage.blob.BlobSweeper}). No JPA here:
 * which blobs are referenced is asked through {@link io.tenmail.storage.blob.BlobReferences}.
 */
package io.tenmail.storage.blob;
