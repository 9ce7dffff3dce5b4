/**
 * Parsing a message once, at delivery, into the {@link io.tenmail.storage.model.ParsedMessage} IMAP
 * serves ENVELOPE, BODYSTRUCTURE and BODY[section] from. {@link io.tenmail.storage.mime.MessageParser}
 * is the entry point; the rest is package-private.
 *
 * <p>The structure is found by our own line scanner, because IMAP needs exact byte offsets of
 * every entity and Mime4j's stream parser does not expose positions; Mime4j parses the header
 * fields themselves (parameters, Content-Language, Content-Location). Memory is bounded whatever
 * the input: lines, headers, nesting depth and part count all have limits.
 *
 * <p>No JPA, no I/O other than reading the given stream.
 */
package io.tenmail.storage.mime;
