/**
 * {@link io.tenmail.storage.jpa.mailbox.JpaMailboxStore}, the {@link io.tenmail.storage.MailboxStore}
 * on JPA, and its package-private parts: one class per kind of change (namespace, rename, message
 * transfer, flags, expunge), the row access they share ({@code MailboxRows}, {@code MessageRows},
 * {@code AccountUsageRows}) and pure helpers ({@code StoredFlags}, {@code FlagUpdater},
 * {@code UidRanges}). The entities and their queries live in {@code io.tenmail.storage.jpa}.
 *
 * <p>Locking, the same on Derby and PostgreSQL: a change first locks the account's
 * ACCOUNT_USAGE row when it touches usage or the namespace, then the MAILBOX rows it changes in
 * ascending id order (SELECT ... FOR UPDATE through PESSIMISTIC_WRITE). One order everywhere means
 * no deadlock between our own transactions; the mailbox row lock is what makes UID and MODSEQ
 * allocation atomic. APPEND and delivery take the same locks with UPDATEs of those rows instead
 * of SELECT ... FOR UPDATE; APPEND, STORE and EXPUNGE are plain statements ({@code Sql}, ADR 0021).
 */
package io.tenmail.storage.jpa.mailbox;
