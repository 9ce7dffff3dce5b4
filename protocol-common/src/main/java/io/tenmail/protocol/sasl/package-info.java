/**
 * SASL responses as SMTP AUTH (RFC 4954), IMAP AUTHENTICATE (RFC 9051 §6.2.2) and POP3 AUTH
 * (RFC 5034) carry them: base64 lines decoded into {@link io.tenmail.protocol.sasl.SaslCredentials}
 * for the PLAIN (RFC 4616) and LOGIN mechanisms. Grammar only: no MINA, no storage, no replies.
 */
package io.tenmail.protocol.sasl;
