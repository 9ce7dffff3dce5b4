/**
 * The SMTP server (MX, submission, SMTPS) and the mailet container.
 */
package io.tenmail.smtp;
