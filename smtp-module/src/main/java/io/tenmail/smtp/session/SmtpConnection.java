package io.tenmail.smtp.session;

import io.tenmail.smtp.wire.Reply;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The network side of one session, as the session sees it; implemented by the transport (and by a
 * fake in session-level tests). Called only from the session's ordered executor thread.
 */
public interface SmtpConnection {

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** The negotiated TLS session once the handshake is complete; empty on a clear-text connection. */
    Optional<TlsInfo> tls();

    /**
     * Queues a reply. Replies are sent together at {@link #flush()} (RFC 2920 §3.2: a server
     * should answer a pipelined group in as few packets as it can).
     */
    void send(Reply reply);

    /** Sends the queued replies. */
    void flush();

    /**
     * Sends the queued replies in clear text, then starts the server side of a TLS handshake on
     * this connection (RFC 3207 §4.2). Bytes the client sent before the handshake never reach the
     * session as TLS data.
     */
    void startTls();

    /** Sends the queued replies, then closes the connection. */
    void close();
}
