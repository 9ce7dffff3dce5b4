/**
 * Outbound DKIM (RFC 6376): per-domain signing keys from the database
 * ({@link io.tenmail.storage.DkimKeys}, cached by {@code SigningKeys}; key files of older versions
 * imported once by {@link io.tenmail.smtp.spam.signing.DkimKeyFiles}), and the
 * {@link io.tenmail.smtp.spam.signing.DkimSign} mailet that signs mail our users send.
 */
package io.tenmail.smtp.spam.signing;
