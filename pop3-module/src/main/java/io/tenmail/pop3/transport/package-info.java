/**
 * Where POP3 bytes meet the network, and the only package of this module that imports
 * {@code org.apache.mina}: the filter chain ({@link io.tenmail.pop3.transport.Pop3FilterChain}: TLS,
 * line splitting, ordered executor), the handler that turns MINA events into session work,
 * the per-connection driver with its write back-pressure and STLS switch, and message streaming.
 */
package io.tenmail.pop3.transport;
