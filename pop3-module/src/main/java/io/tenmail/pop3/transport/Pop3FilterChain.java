package io.tenmail.pop3.transport;

import io.tenmail.pop3.wire.Pop3CommandLine;
import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.filter.executor.ExecutorFilter;
import io.tenmail.protocol.transport.ServerTlsFilter;
import org.apache.mina.filter.ssl.SslFilter;

import javax.net.ssl.SSLContext;
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

    static SslFilter tlsFilter(SSLContext tls) {
        return new ServerTlsFilter(tls);
    }
}
