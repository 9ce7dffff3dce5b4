package io.tenmail.storage.model;

import java.time.Instant;

/**
 * A message to append: its bytes are already in the blob store, and it was parsed once, so that
 * a message delivered to many mailboxes is stored and parsed only once.
 */
public record NewMessage(BlobId blob, long size, ParsedMessage parsed, Flags flags, Instant internalDate) {
}
