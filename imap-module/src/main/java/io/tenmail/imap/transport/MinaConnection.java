package io.tenmail.imap.transport;

import io.tenmail.imap.session.Connection;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.filter.ssl.DisableEncryptWriteRequest;
import org.apache.mina.filter.ssl.SslFilter;

import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/** A MINA session as the IMAP session sees it. */
final class MinaConnection implements Connection {
    static final String TLS_FILTER = "tls";
    /** At most this much inflated input per read (a read is at most 64 KiB: a ratio of 64 to 1 and more). */
    static final int MAX_INFLATED_PER_READ = 4 * 1024 * 1024;

    private final IoSession session;
    private final SSLContext tls;
    private final SerialExecutor executor;

    MinaConnection(IoSession session, SSLContext tls, SerialExecutor executor) {
        this.session = session;
        this.tls = tls;
        this.executor = executor;
    }

    @Override
    public String id() {
        return Long.toHexString(session.getId());
    }

    @Override
    public void write(byte[] bytes) {
        if (session.isConnected()) session.write(IoBuffer.wrap(bytes));
    }

    @Override
    public void startTls(byte[] cleartext) {
        session.getFilterChain().addFirst(TLS_FILTER, new SslFilter(tls));
        // MINA's SslFilter passes this one write through unencrypted
        session.getFilterChain().fireFilterWrite(new CleartextWrite(IoBuffer.wrap(cleartext)));
    }

    @Override
    public void startCompression(byte[] uncompressed) {
        DeflateFilter filter = new DeflateFilter(MAX_INFLATED_PER_READ);
        // RFC 4978 §3: compression sits under the application and over TLS
        if (session.getFilterChain().contains(TLS_FILTER)) session.getFilterChain().addAfter(TLS_FILTER, DeflateFilter.NAME, filter);
        else session.getFilterChain().addFirst(DeflateFilter.NAME, filter);
        // the filter is in place before the OK leaves, so no compressed reply can overtake it
        session.getFilterChain().fireFilterWrite(new DeflateFilter.UncompressedWrite(IoBuffer.wrap(uncompressed)));
    }

    @Override
    public boolean isCompressed() {
        return session.getFilterChain().contains(DeflateFilter.NAME);
    }

    @Override
    public boolean isSecure() {
        return session.getFilterChain().contains(SslFilter.class);
    }

    @Override
    public InetAddress remoteAddress() {
        return session.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    @Override
    public void close() {
        session.closeOnFlush();
    }

    @Override
    public void setInactivityTimeout(Duration timeout) {
        session.getConfig().setIdleTime(IdleStatus.READER_IDLE, (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    private static final class CleartextWrite extends DefaultWriteRequest implements DisableEncryptWriteRequest {
        CleartextWrite(Object message) {
            super(message);
        }
    }
}
