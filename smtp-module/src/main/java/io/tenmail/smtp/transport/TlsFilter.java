package io.tenmail.smtp.transport;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslFilter;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import java.util.Objects;

/**
 * MINA's {@link SslFilter}, with what it decrypts marked as {@link Decrypted}. After STARTTLS the
 * filter is inserted into a live chain; bytes the client sent in clear text before its handshake
 * may still be on their way through the chain (or already queued for the executor) at that moment,
 * and they must never be taken for commands (RFC 3207 §4.2, CVE-2011-0411). Only data that really
 * came out of the TLS layer carries the mark, so the session can tell the two apart whatever the
 * timing. The context's engines allow only TLS 1.2 and 1.3 ({@code TlsContextFactory}).
 */
final class TlsFilter extends SslFilter {

    /** Application data the TLS layer decrypted. */
    record Decrypted(IoBuffer buffer) {
        Decrypted {
            Objects.requireNonNull(buffer, "buffer");
        }
    }

    TlsFilter(SSLContext context) {
        super(context, true);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        super.messageReceived(new Marking(next), session, message);
    }

    /** The negotiated TLS session of a connection once its handshake is complete, else null. */
    static SSLSession secured(IoSession session) {
        return (SSLSession) session.getAttribute(SslFilter.SSL_SECURED);
    }

    /** Passes everything on, wrapping what the TLS layer hands up as received data. */
    private record Marking(NextFilter next) implements IoFilter.NextFilter {
        @Override
        public void messageReceived(IoSession session, Object message) {
            next.messageReceived(session, message instanceof IoBuffer buffer ? new Decrypted(buffer) : message);
        }

        @Override
        public void sessionCreated(IoSession session) {
            next.sessionCreated(session);
        }

        @Override
        public void sessionOpened(IoSession session) {
            next.sessionOpened(session);
        }

        @Override
        public void sessionClosed(IoSession session) {
            next.sessionClosed(session);
        }

        @Override
        public void sessionIdle(IoSession session, IdleStatus status) {
            next.sessionIdle(session, status);
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            next.exceptionCaught(session, cause);
        }

        @Override
        public void inputClosed(IoSession session) {
            next.inputClosed(session);
        }

        @Override
        public void messageSent(IoSession session, WriteRequest writeRequest) {
            next.messageSent(session, writeRequest);
        }

        @Override
        public void filterWrite(IoSession session, WriteRequest writeRequest) {
            next.filterWrite(session, writeRequest);
        }

        @Override
        public void filterClose(IoSession session) {
            next.filterClose(session);
        }

        @Override
        public void event(IoSession session, FilterEvent event) {
            next.event(session, event);
        }
    }
}
