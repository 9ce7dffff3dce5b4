package io.tenmail.smtp.session;

import io.tenmail.smtp.wire.Reply;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A connection without a socket: records what the session sends and asks for. */
public final class FakeConnection implements SmtpConnection {
    public static final TlsInfo TLS13 = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256");

    private final InetSocketAddress remote;
    private final List<Reply> queued = new ArrayList<>();
    private final List<Reply> sent = new ArrayList<>();
    private int flushes;
    private Optional<TlsInfo> tls = Optional.empty();
    private boolean tlsRequested;
    private boolean closed;

    public FakeConnection(String clientAddress) {
        try {
            this.remote = new InetSocketAddress(InetAddress.getByName(clientAddress), 40000);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 25);
    }

    @Override
    public Optional<TlsInfo> tls() {
        return tls;
    }

    /** The TLS handshake completed (implicit TLS from the start, or after STARTTLS). */
    public void secure() {
        tls = Optional.of(TLS13);
    }

    @Override
    public void send(Reply reply) {
        queued.add(reply);
    }

    @Override
    public void flush() {
        if (!queued.isEmpty()) flushes++;
        sent.addAll(queued);
        queued.clear();
    }

    @Override
    public void startTls() {
        flush();
        tlsRequested = true;
    }

    @Override
    public void close() {
        flush();
        closed = true;
    }

    /** Every reply flushed so far. */
    public List<Reply> sent() {
        return sent;
    }

    /** How many flushes carried replies (pipelined replies go out together). */
    public int flushes() {
        return flushes;
    }

    public boolean tlsRequested() {
        return tlsRequested;
    }

    public boolean closed() {
        return closed;
    }
}
