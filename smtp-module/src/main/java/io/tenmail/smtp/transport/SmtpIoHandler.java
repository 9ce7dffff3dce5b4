package io.tenmail.smtp.transport;

import io.tenmail.protocol.TlsMode;
import io.tenmail.protocol.limits.ConnectionLimits;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.command.CommandDispatcher;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.storage.model.Principal;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * MINA events to the SMTP session: opens a {@link SmtpSession} per accepted connection (or refuses
 * it with 421 4.7.0 past the connection limits), feeds it the bytes, times it out, closes it. Sets
 * the MDC keys {@code session}, {@code proto}, {@code remote} (and after AUTH {@code tenant},
 * {@code user}) for each event and clears them after. Runs on the executor's threads, one event of
 * a connection at a time. Owns {@link #exceptionCaught}: network and TLS errors close the
 * connection quietly; anything else is logged as an error.
 */
public final class SmtpIoHandler extends IoHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SmtpIoHandler.class);
    private static final AttributeKey SESSION = new AttributeKey(SmtpIoHandler.class, "session");
    private static final AttributeKey COUNTED = new AttributeKey(SmtpIoHandler.class, "counted");
    private static final SecureRandom IDS = new SecureRandom();

    private final ListenerRole role;
    private final SmtpSettings settings;
    private final CommandDispatcher dispatcher;
    private final ConnectionLimits limits;
    private final TlsFilter tls;

    SmtpIoHandler(ListenerRole role, SmtpSettings settings, CommandDispatcher dispatcher, ConnectionLimits limits, TlsFilter tls) {
        this.role = Objects.requireNonNull(role, "role");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    @Override
    public void sessionOpened(IoSession io) {
        String id = HexFormat.of().toHexDigits(IDS.nextInt());
        MinaConnection connection = new MinaConnection(io, tls, role.tlsMode() == TlsMode.IMPLICIT);
        InetAddress client = connection.remoteAddress().getAddress();
        mdc(id, connection.remoteAddress(), null);
        try {
            ConnectionLimits.Verdict verdict = limits.tryOpen(client);
            if (verdict != ConnectionLimits.Verdict.ALLOWED) {
                log.info("refused connection from {}: {}", client.getHostAddress(), verdict);
                io.write(IoBuffer.wrap(Replies.TOO_MANY_CONNECTIONS.toBytes()));
                io.closeOnFlush();
                return;
            }
            io.setAttribute(COUNTED, client);
            SmtpSession session = new SmtpSession(id, role, settings, connection);
            io.setAttribute(SESSION, session);
            log.info("connected to {}", role.protocolName());
            dispatcher.open(session);
        } finally {
            MDC.clear();
        }
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        SmtpSession session = session(io);
        if (session == null) return;   // a refused connection still talking
        enter(session);
        try {
            boolean viaTls = message instanceof TlsFilter.Decrypted;
            IoBuffer buffer = viaTls ? ((TlsFilter.Decrypted) message).buffer() : (IoBuffer) message;
            MinaConnection connection = (MinaConnection) session.connection();
            if (!viaTls && connection.tlsStarted()) {
                // clear text that was on its way when the TLS filter went in: never commands (RFC 3207 §4.2)
                log.info("discarded {} octets sent in clear text around STARTTLS", buffer.remaining());
                return;
            }
            dispatcher.receive(session, buffer.buf(), viaTls);
        } finally {
            MDC.clear();
        }
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        SmtpSession session = session(io);
        if (session == null) {
            io.closeNow();
            return;
        }
        // the event may have waited behind a slow command: only a client silent for the whole
        // timeout since its last byte or our last reply is timed out
        long quietMillis = System.currentTimeMillis() - Math.max(io.getLastReadTime(), io.getLastWriteTime());
        if (quietMillis < settings.idleTimeout().toMillis()) return;
        enter(session);
        try {
            dispatcher.timeout(session);
        } finally {
            MDC.clear();
        }
    }

    /** Runs behind the client's last commands ({@link OrderedExecutorFilter}): they have been answered. */
    @Override
    public void inputClosed(IoSession io) {
        SmtpSession session = session(io);
        if (session != null) {
            enter(session);
            try {
                log.debug("the client closed its side of the connection");
            } finally {
                MDC.clear();
            }
        }
        io.closeOnFlush();
    }

    @Override
    public void sessionClosed(IoSession io) {
        InetAddress counted = (InetAddress) io.removeAttribute(COUNTED);
        if (counted != null) limits.closed(counted);
        SmtpSession session = (SmtpSession) io.removeAttribute(SESSION);
        if (session == null) return;
        enter(session);
        try {
            dispatcher.closed(session);
            log.info("disconnected after {} commands, {} transactions", session.commands(), session.transactions());
        } finally {
            MDC.clear();
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        SmtpSession session = session(io);
        if (session != null) enter(session);
        try {
            IOException network = networkCause(cause);
            if (network instanceof SSLException) {
                log.info("TLS failed: {}", network.getMessage());
            } else if (network != null) {
                // a client that vanished, or writes that raced with the close: nothing to act on
                if (session == null || session.isClosing()) log.debug("connection failed after close: {}", network.toString());
                else log.info("connection failed: {}", network.toString());
            } else {
                log.error("unexpected error on the connection", cause);
            }
            io.closeNow();
        } finally {
            MDC.clear();
        }
    }

    /** The network or TLS failure behind {@code cause}, which MINA sometimes wraps; null if it is none. */
    private static IOException networkCause(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException io) return io;
        }
        return null;
    }

    private static SmtpSession session(IoSession io) {
        return (SmtpSession) io.getAttribute(SESSION);
    }

    private void enter(SmtpSession session) {
        mdc(session.id(), session.connection().remoteAddress(), session.principal().orElse(null));
    }

    private void mdc(String id, InetSocketAddress remote, Principal principal) {
        MDC.put("session", id);
        MDC.put("proto", role.protocolName());
        MDC.put("remote", remote.getAddress().getHostAddress());
        if (principal != null) {
            MDC.put("tenant", Long.toString(principal.tenant().value()));
            MDC.put("user", principal.address().toString());
        }
    }
}
