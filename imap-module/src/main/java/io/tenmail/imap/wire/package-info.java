/**
 * The IMAP grammar: bytes in, values out, and values to bytes. Grammar only: no MINA, no
 * sessions, no storage access; the only storage types used are the value records of
 * {@code io.tenmail.storage.model} ({@code MailboxName}, {@code Flags}, {@code SpecialUse},
 * {@code ParsedMessage}). Everything here runs in a plain unit test.
 *
 * <ul>
 *   <li>{@link io.tenmail.imap.wire.RequestReader} frames the client stream into commands with
 *       their literals, under {@link io.tenmail.imap.wire.ReaderLimits}, and says when a
 *       synchronizing literal needs a continuation; large literals go to a
 *       {@link io.tenmail.imap.wire.LiteralSpool}. Its Javadoc states how it resynchronises after
 *       a refused command.
 *   <li>{@code request/}: the {@code CommandParser} turning a {@link io.tenmail.imap.wire.RawCommand}
 *       into a typed {@code ImapRequest}.
 *   <li>{@code response/}: the {@code ResponseWriter} and the ENVELOPE and BODYSTRUCTURE renderers.
 *   <li>Shared values: {@link io.tenmail.imap.wire.SequenceSet}, {@link
 *       io.tenmail.imap.wire.MailboxNameCodec} (modified UTF-7), {@link
 *       io.tenmail.imap.wire.ListPattern} (LIST wildcards), {@link io.tenmail.imap.wire.ImapDates},
 *       {@link io.tenmail.imap.wire.StatusResponse} and {@link io.tenmail.imap.wire.ResponseCode}.
 * </ul>
 *
 * <p>Client mistakes surface as {@link io.tenmail.imap.wire.ImapSyntaxException} or a
 * {@code RequestReader.Refused} event, each carrying the exact response to send.
 */
package io.tenmail.imap.wire;
