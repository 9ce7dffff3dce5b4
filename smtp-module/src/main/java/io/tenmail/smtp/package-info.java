/**
 * The SMTP server (MX, submission, SMTPS) and, later, the mailet container. {@link
 * io.tenmail.smtp.SmtpServer} builds the listeners from {@link io.tenmail.smtp.SmtpSettings};
 * {@code wire} is the grammar, {@code command} one class per verb, {@code session} the
 * per-connection state, {@code policy} the relay, sender and recipient decisions, {@code
 * transport} the only MINA code.
 */
package io.tenmail.smtp;
