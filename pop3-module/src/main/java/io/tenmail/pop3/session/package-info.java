/**
 * Per-connection state and its transitions: {@link io.tenmail.pop3.session.Pop3Session} with the
 * RFC 1939 states {@link io.tenmail.pop3.session.Pop3State}, the session's fixed view of the
 * maildrop ({@link io.tenmail.pop3.session.Maildrop}) and the process-wide maildrop locks
 * ({@link io.tenmail.pop3.session.MaildropLocks}, the only thread-safe class here). No MINA, no
 * storage ports: only records from {@code io.tenmail.storage.model}.
 */
package io.tenmail.pop3.session;
