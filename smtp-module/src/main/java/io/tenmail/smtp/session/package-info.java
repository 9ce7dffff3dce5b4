/**
 * Per-connection state and its transitions: {@link io.tenmail.smtp.session.SmtpSession}, its
 * {@link io.tenmail.smtp.session.SmtpState}, the open {@link io.tenmail.smtp.session.Envelope} and
 * the message spool. The network is behind {@link io.tenmail.smtp.session.SmtpConnection}, so
 * sessions run in tests without sockets. No MINA, no storage calls here.
 */
package io.tenmail.smtp.session;
