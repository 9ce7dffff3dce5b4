package io.tenmail.pop3.transport;

import io.tenmail.pop3.wire.Pop3CommandLine;
import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.ssl.SslFilter;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * The whole filter chain of a POP3 connection, in order from the socket: TLS (from the start on
 * port 995; inserted by STLS on port 110), the line splitter, the ordered executor that moves
 * every event of a connection, in order, off the I/O threads, then the {@link Pop3IoHandler}.
 */
final class Pop3FilterChain {
    static final String TLS = "tls";
    static final String LINES = "lines";
    static final String EXECUTOR = "executor";

    /**
     * The longest line read: the longest AUTH PLAIN line (RFC 4616's 767 octets in base64 is 1024
     * characters, after "AUTH PLAIN ") with room to spare. Other commands stop at
     * {@link Pop3CommandLine#MAX_COMMAND_OCTETS}.
     */
    static final int MAX_LINE_OCTETS = 2048;

    private Pop3FilterChain() {
    }

    static DefaultIoFilterChainBuilder build(boolean implicitTls, SSLContext tls, Executor executor) {
        DefaultIoFilterChainBuilder chain = new DefaultIoFilterChainBuilder();
        if (implicitTls) chain.addLast(TLS, tlsFilter(tls));
        chain.addLast(LINES, new Pop3LineFilter(MAX_LINE_OCTETS));
        chain.addLast(EXECUTOR, new ExecutorFilter(executor));
        return chain;
    }

    /**
     * A server-side TLS filter on MINA's blocking pipeline (SSLHandlerG0). The default non-blocking
     * one (G1) forwards encrypted records outside its lock, so records written by an executor thread
     * and flushed by the I/O thread's acknowledgements can overtake each other: the client sees a
     * "tag mismatch" in the middle of a large RETR. G0 wraps and forwards under one lock, in order,
     * and fires SECURED before it forwards data received behind the handshake.
     */
    static SslFilter tlsFilter(SSLContext tls) {
        SslFilter filter = new SslFilter(tls) {
            @Override
            protected SSLEngine createEngine(IoSession session, InetSocketAddress address) {
                // MINA passes the peer's host name as a session-cache hint, and getHostName() is a
                // reverse DNS lookup on the I/O thread; a server has no use for the hint
                return super.createEngine(session, null);
            }
        };
        filter.setUseNonBlockingPipeline(false);
        return filter;
    }
}
