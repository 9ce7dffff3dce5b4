package io.tenmail.protocol.transport;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.net.InetSocketAddress;

/**
 * MINA's TLS filter set up the way every Tenmail listener needs it (STARTTLS and implicit TLS).
 *
 * <p>It runs on MINA's blocking pipeline (SSLHandlerG0). The default non-blocking one (G1)
 * forwards encrypted records outside its lock, so records written by an executor thread and
 * flushed by the I/O thread can overtake each other (clients see a "tag mismatch" in a large
 * download, or a handshake the server seems to abort), and it can pass data received behind the
 * handshake up before the SECURED event. G0 wraps and forwards under one lock, in order.
 */
public class ServerTlsFilter extends SslFilter {

    public ServerTlsFilter(SSLContext context) {
        super(context, true);
        setUseNonBlockingPipeline(false);
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress address) {
        // MINA passes the peer's host name as a session-cache hint, and getHostName() is a reverse
        // DNS lookup on the I/O thread; a server has no use for the hint
        return super.createEngine(session, null);
    }
}
