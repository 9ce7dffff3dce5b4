/**
 * The only package that imports {@code org.apache.mina}: the filter chain (TLS, and the DEFLATE
 * filter of COMPRESS), the I/O handler that hands every event to a connection's ordered executor,
 * and the MINA side of the session's {@code Connection}.
 */
package io.tenmail.imap.transport;
