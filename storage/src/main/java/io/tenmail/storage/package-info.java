/**
 * The store every protocol shares: the ports (Directory, DirectoryAdmin, MailboxStore, BlobStore,
 * MailQueue, MailboxEvents), the records they speak ({@code model}) and their implementations
 * ({@code jpa}, {@code blob}, {@code queue}). Depends on no other Tenmail module.
 */
package io.tenmail.storage;
