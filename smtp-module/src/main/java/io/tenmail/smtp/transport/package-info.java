/**
 * Where bytes meet the network: the only package that imports MINA. {@link
 * io.tenmail.smtp.transport.SmtpFilterChain} says in one place what a connection's chain is;
 * {@link io.tenmail.smtp.transport.SmtpIoHandler} turns MINA's events into calls on the session
 * and the command dispatcher.
 */
package io.tenmail.smtp.transport;
