package io.tenmail.pop3.transport;

import io.tenmail.pop3.command.CommandDispatcher;
import io.tenmail.pop3.session.Pop3Session;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * MINA events to a {@link Pop3Connection}, on the ordered executor's threads. Sets the MDC keys
 * ({@code session}, {@code proto}, {@code remote}, after login {@code tenant} and {@code user})
 * around each event and clears them after. Owns {@link #exceptionCaught}: a client that vanishes
 * or fails the TLS handshake is logged briefly, anything else with its stack; either way the
 * connection closes and, not having passed QUIT, deletes nothing.
 */
final class Pop3IoHandler extends IoHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(Pop3IoHandler.class);
    private static final AttributeKey CONNECTION = new AttributeKey(Pop3IoHandler.class, "connection");

    private final CommandDispatcher dispatcher;
    private final SSLContext tls;
    private final boolean stlsOffered;
    private final boolean implicitTls;
    private final boolean allowPlaintextOnLoopback;

    Pop3IoHandler(CommandDispatcher dispatcher, SSLContext tls, boolean implicitTls, boolean allowPlaintextOnLoopback) {
        this.dispatcher = dispatcher;
        this.tls = tls;
        this.implicitTls = implicitTls;
        this.stlsOffered = !implicitTls;
        this.allowPlaintextOnLoopback = allowPlaintextOnLoopback;
    }

    @Override
    public void sessionOpened(IoSession io) {
        InetAddress client = ((InetSocketAddress) io.getRemoteAddress()).getAddress();
        Pop3Session session = new Pop3Session(new Pop3Session.Connection("pop3-" + io.getId(), client, stlsOffered, implicitTls,
                allowPlaintextOnLoopback && client.isLoopbackAddress()));
        Pop3Connection connection = new Pop3Connection(io, session, dispatcher, tls);
        io.setAttribute(CONNECTION, connection);
        withMdc(io, connection, () -> {
            log.debug("connection from {}", client.getHostAddress());
            connection.opened();
        });
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        Pop3Connection connection = connection(io);
        if (connection == null || !(message instanceof ReceivedLine line)) return;
        withMdc(io, connection, () -> connection.received(line));
    }

    @Override
    public void messageSent(IoSession io, Object message) {
        Pop3Connection connection = connection(io);
        if (connection == null) return;
        withMdc(io, connection, () -> connection.sent(message));
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        Pop3Connection connection = connection(io);
        if (connection == null) return;
        withMdc(io, connection, () -> {
            log.info("idle timeout, closing the connection");
            connection.idle();
        });
    }

    @Override
    public void sessionClosed(IoSession io) {
        Pop3Connection connection = connection(io);
        if (connection == null) return;
        withMdc(io, connection, connection::closed);
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        Pop3Connection connection = connection(io);
        Runnable handle = () -> {
            if (cause instanceof SSLException) {
                log.info("TLS failed: {}", cause.getMessage());
            } else if (cause instanceof WriteTimeoutException) {
                log.info("client stopped reading; closing the connection");
            } else if (cause instanceof IOException) {
                log.debug("connection error: {}", cause.toString());
            } else {
                log.error("unexpected error on a POP3 connection; closing it", cause);
            }
            if (connection != null) connection.failed(cause.getClass().getSimpleName());
            else io.closeNow();
        };
        if (connection == null) handle.run();
        else withMdc(io, connection, handle);
    }

    private static Pop3Connection connection(IoSession io) {
        return (Pop3Connection) io.getAttribute(CONNECTION);
    }

    private static void withMdc(IoSession io, Pop3Connection connection, Runnable event) {
        Pop3Session session = connection.session();
        MDC.put("session", session.id());
        MDC.put("proto", "pop3");
        MDC.put("remote", session.client().getHostAddress());
        if (session.isLoggedIn()) {
            MDC.put("tenant", String.valueOf(session.principal().tenant().value()));
            MDC.put("user", session.principal().address().toString());
        }
        try {
            event.run();
        } finally {
            MDC.remove("session");
            MDC.remove("proto");
            MDC.remove("remote");
            MDC.remove("tenant");
            MDC.remove("user");
        }
    }
}
