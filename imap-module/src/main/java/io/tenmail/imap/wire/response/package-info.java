/**
 * Response grammar: {@link io.tenmail.imap.wire.response.ResponseWriter} writes tokens with the
 * right spacing and chooses quoted strings or literals; {@link
 * io.tenmail.imap.wire.response.EnvelopeRenderer} and {@link
 * io.tenmail.imap.wire.response.BodyStructureRenderer} turn a stored {@code ParsedMessage} into
 * ENVELOPE, BODY and BODYSTRUCTURE, with {@link io.tenmail.imap.wire.response.AddressParser}
 * reading raw address headers.
 *
 * <p>No MINA and no storage ports: the writer is handed an {@code OutputStream} and the values to
 * write.
 */
package io.tenmail.imap.wire.response;
