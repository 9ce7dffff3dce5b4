/**
 * The full-text index behind {@link io.tenmail.storage.MessageIndex}: Apache Lucene on local disk,
 * following the mailbox store through its change events (docs/adr/0010-full-text-index.md). No JPA
 * here; the index reads the store only through its ports.
 */
package io.tenmail.storage.index;
