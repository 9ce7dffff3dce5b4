/**
 * What the SMTP, IMAP and POP3 servers share: MINA listener bootstrap, TLS, SASL, authentication
 * throttling, connection limits and line decoding.
 */
package io.tenmail.protocol;
