/**
 * Outbound DKIM (RFC 6376): per-domain signing keys kept under the data directory
 * ({@link io.tenmail.smtp.spam.signing.DkimKeyStore}), their DNS records, and the
 * {@link io.tenmail.smtp.spam.signing.DkimSign} mailet that signs mail our users send.
 */
package io.tenmail.smtp.spam.signing;
