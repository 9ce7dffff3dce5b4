/**
 * The server's TLS identity and context: a configured PKCS#12 keystore or PEM certificate and key,
 * or a self-signed certificate generated once under {@code <data dir>/tls/}; and an
 * {@link javax.net.ssl.SSLContext} that only speaks TLS 1.2 and 1.3 (RFC 8996 retired 1.0 and 1.1).
 * No MINA types here: the transport packages wrap the context in their filters.
 */
package io.tenmail.protocol.tls;
