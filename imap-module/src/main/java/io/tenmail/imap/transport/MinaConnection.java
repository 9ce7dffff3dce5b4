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
