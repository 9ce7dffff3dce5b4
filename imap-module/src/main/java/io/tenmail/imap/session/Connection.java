package io.tenmail.imap.session;

import java.net.InetAddress;
import java.time.Duration;

/**
 * What a session needs of its network connection, so that sessions run without MINA (the
 * transport implements it; session tests use a recording fake). Methods may be called from the
 * connection's ordered executor only, except {@link #execute}, which any thread may call.
 */
public interface Connection {

    /** Short id for logs. */
    String id();

    /** Queues bytes for sending, in order. */
    void write(byte[] bytes);

    /**
     * Starts TLS as server (RFC 9051 §6.2.1): {@code cleartext} (the tagged OK of STARTTLS) is
     * sent in the clear, and everything read or written after it goes through TLS. Doing both in
     * one step leaves no moment in which the client's handshake could be read as a command.
     */
    void startTls(byte[] cleartext);

    /**
     * Starts COMPRESS=DEFLATE (RFC 4978 §3): {@code uncompressed} (the tagged OK of COMPRESS) is
     * the last data sent as is; everything written or read after it is deflated, under TLS if any.
     */
    void startCompression(byte[] uncompressed);

    /** Whether COMPRESS=DEFLATE is active. */
    boolean isCompressed();

    /** Whether the connection is protected by TLS (implicit, or after STARTTLS). */
    boolean isSecure();

    InetAddress remoteAddress();

    /** Closes after what was written has been sent. */
    void close();

    /** Closes the connection when the client sends nothing for this long. */
    void setInactivityTimeout(Duration timeout);

    /** Runs {@code task} on the connection's ordered executor, after events already queued. Thread-safe. */
    void execute(Runnable task);
}
