package io.tenmail.imap.transport;

import io.tenmail.imap.ImapSettings;
import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.RequestDispatcher;
import io.tenmail.imap.session.TempFileLiteralSpool;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MINA events → {@link ImapSession}. Every event is handed to the connection's
 * {@link SerialExecutor}, so the I/O threads never run session code (which touches the database
 * and disk). Reading is suspended while more than {@value #MAX_QUEUED_BYTES} bytes wait, which
 * bounds a connection's memory when a client sends faster than its commands run.
 */
public final class ImapIoHandler extends IoHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ImapIoHandler.class);
    private static final AttributeKey STATE = new AttributeKey(ImapIoHandler.class, "state");
    static final int MAX_QUEUED_BYTES = 1024 * 1024;

    private final ImapSettings settings;
    private final RequestDispatcher dispatcher;
    private final SSLContext tls;
    private final Executor workers;
    private final String proto;

    public ImapIoHandler(ImapSettings settings, RequestDispatcher dispatcher, SSLContext tls, Executor workers, String proto) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.tls = tls;
        this.workers = workers;
        this.proto = proto;
    }

    private record State(ImapSession session, SerialExecutor executor, AtomicLong queued, String remote) {
    }

    @Override
    public void sessionOpened(IoSession io) {
        SerialExecutor executor = new SerialExecutor(workers);
        MinaConnection connection = new MinaConnection(io, tls, executor);
        ImapSession session = new ImapSession(connection, settings, dispatcher, () -> new TempFileLiteralSpool(null));
        String remote = io.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : String.valueOf(io.getRemoteAddress());
        State state = new State(session, executor, new AtomicLong(), remote);
        io.setAttribute(STATE, state);
        run(io, state, session::start);
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        State state = (State) io.getAttribute(STATE);
        if (state == null || !(message instanceof IoBuffer buffer)) return;
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer.buf());
        copy.flip();
        int size = copy.remaining();
        if (state.queued().addAndGet(size) > MAX_QUEUED_BYTES) io.suspendRead();
        run(io, state, () -> {
            try {
                state.session().receive(copy);
            } finally {
                if (state.queued().addAndGet(-size) <= MAX_QUEUED_BYTES && io.isReadSuspended()) io.resumeRead();
            }
        });
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        State state = (State) io.getAttribute(STATE);
        if (state != null) run(io, state, state.session()::timedOut);
    }

    @Override
    public void sessionClosed(IoSession io) {
        State state = (State) io.getAttribute(STATE);
        if (state != null) run(io, state, state.session()::closed);
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("connection {} failed: {}", io.getId(), cause.toString());
        } else {
            log.warn("connection {} failed", io.getId(), cause);
        }
        io.closeNow();
    }

    private void run(IoSession io, State state, Runnable task) {
        state.executor().execute(() -> {
            MDC.put("session", Long.toHexString(io.getId()));
            MDC.put("proto", proto);
            MDC.put("remote", state.remote());
            if (state.session().principal() != null) {
                MDC.put("user", state.session().principal().address().toString());
                MDC.put("tenant", String.valueOf(state.session().principal().tenant().value()));
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                if (e.getCause() instanceof IOException) log.debug("connection {} failed: {}", io.getId(), e.toString());
                else log.error("session failed; closing the connection", e);
                io.closeNow();
            } finally {
                MDC.clear();
            }
        });
    }
}
