package io.tenmail.smtp.transport;

import io.tenmail.smtp.session.SmtpConnection;
import io.tenmail.smtp.session.TlsInfo;
import io.tenmail.smtp.wire.Reply;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.filter.ssl.DisableEncryptWriteRequest;
import org.apache.mina.core.session.IoSession;

import javax.net.ssl.SSLSession;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's connection on MINA: replies are collected and written as one buffer per flush (a
 * pipelined group is answered in one packet, RFC 2920 §3.2); STARTTLS writes the 220 before the
 * TLS filter is inserted at the head of the chain, so it goes out in clear text.
 */
final class MinaConnection implements SmtpConnection {
    static final String TLS_FILTER = "tls";

    private final IoSession io;
    private final TlsFilter tlsFilter;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
    private volatile boolean tlsStarted;

    /**
     * @param implicitTls true if the chain has the TLS filter from the start (SMTPS)
     */
    MinaConnection(IoSession io, TlsFilter tlsFilter, boolean implicitTls) {
        this.io = Objects.requireNonNull(io, "io");
        this.tlsFilter = Objects.requireNonNull(tlsFilter, "tlsFilter");
        // cached: a closed channel no longer knows its addresses
        this.remote = (InetSocketAddress) io.getRemoteAddress();
        this.local = (InetSocketAddress) io.getLocalAddress();
        this.tlsStarted = implicitTls;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public Optional<TlsInfo> tls() {
        SSLSession secured = TlsFilter.secured(io);
        return secured == null ? Optional.empty() : Optional.of(new TlsInfo(secured.getProtocol(), secured.getCipherSuite()));
    }

    /** Whether the TLS filter is (or was just put) in this connection's chain. */
    boolean tlsStarted() {
        return tlsStarted;
    }

    @Override
    public void send(Reply reply) {
        pending.writeBytes(reply.toBytes());
    }

    @Override
    public void flush() {
        if (pending.size() == 0 || io.isClosing()) {
            pending.reset();
            return;
        }
        io.write(IoBuffer.wrap(pending.toByteArray()));
        pending.reset();
    }

    @Override
    public void startTls() {
        // The filter goes in before the 220 leaves, so a ClientHello sent the moment the client
        // reads the 220 always meets it (it used to race the insertion and be discarded as clear
        // text); the 220 itself passes the new filter unencrypted.
        tlsStarted = true;
        io.getFilterChain().addFirst(TLS_FILTER, tlsFilter);
        if (pending.size() > 0 && !io.isClosing()) {
            io.getFilterChain().fireFilterWrite(new CleartextWrite(IoBuffer.wrap(pending.toByteArray())));
        }
        pending.reset();
    }

    /** A write that MINA's SslFilter passes through without encrypting it. */
    private static final class CleartextWrite extends DefaultWriteRequest implements DisableEncryptWriteRequest {
        CleartextWrite(Object message) {
            super(message);
        }
    }

    @Override
    public void close() {
        flush();
        io.closeOnFlush();
    }
}
