/**
 * The SMTP grammar: bytes and text in, values and replies out. Grammar only, no MINA, no storage:
 * nothing here does I/O beyond writing to an {@link java.io.OutputStream} it is handed, nothing
 * knows about sessions, tenants or policy, and every class is usable from a plain unit test.
 *
 * <ul>
 *   <li>{@link io.tenmail.smtp.wire.CommandLineDecoder} splits the command stream into lines and
 *       leaves the rest of a pipelined buffer untouched when the session switches to DATA/BDAT.
 *   <li>{@link io.tenmail.smtp.wire.SmtpCommandLine} parses one line into a {@link
 *       io.tenmail.smtp.wire.SmtpVerb} and typed arguments ({@link io.tenmail.smtp.wire.ReversePath},
 *       {@link io.tenmail.smtp.wire.ForwardPath}, {@link io.tenmail.smtp.wire.MailParameters} ...),
 *       or fails with the exact {@link io.tenmail.smtp.wire.Reply} to send.
 *   <li>{@link io.tenmail.smtp.wire.DataReader} (DATA: dot-unstuffing, only CRLF.CRLF ends the
 *       data) and {@link io.tenmail.smtp.wire.BdatReader} (CHUNKING: exactly N octets) stream a
 *       message body to a sink.
 *   <li>{@link io.tenmail.smtp.wire.Reply}, {@link io.tenmail.smtp.wire.Replies} and {@link
 *       io.tenmail.smtp.wire.EhloResponse}: everything the server says.
 * </ul>
 *
 * <p>Whether a verb is allowed in a state, whether a sender may relay and what a recipient
 * resolves to are decided elsewhere ({@code command}, {@code session}, {@code policy}); this
 * package only flags what those layers need to decide (for instance {@link
 * io.tenmail.smtp.wire.Mailbox#relayTricks()}).
 */
package io.tenmail.smtp.wire;
