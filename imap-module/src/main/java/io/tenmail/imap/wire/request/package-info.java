/**
 * Command grammar: {@link io.tenmail.imap.wire.request.CommandParser} turns a framed command into
 * one of the {@link io.tenmail.imap.wire.request.ImapRequest} records (one per command, named
 * {@code <Verb>Request}), with typed arguments: {@link io.tenmail.imap.wire.request.SearchKey}
 * trees, {@link io.tenmail.imap.wire.request.FetchAttribute} lists with {@link
 * io.tenmail.imap.wire.request.Section}s, mailbox names decoded to {@code MailboxName}, flags as
 * {@code Flags}.
 *
 * <p>Here lives what the RFC grammar says, nothing more: no state checks (the command layer's
 * dispatcher), no behaviour, no MINA, no storage ports.
 */
package io.tenmail.imap.wire.request;
