package io.tenmail.protocol.transport;

import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.ListenerSpec;
import org.apache.mina.core.filterchain.IoFilterChainBuilder;
import org.apache.mina.core.service.IoHandler;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One listening socket: a MINA {@link NioSocketAcceptor} bound to a {@link ListenerSpec}'s address
 * and port, with the caller's filter chain (TLS, codec, executor — built in the protocol's
 * {@code XxxFilterChain}) and {@link IoHandler}. Logs {@code listening smtp on 0.0.0.0:25 (STARTTLS)}
 * once bound; a port that cannot be bound becomes a {@link ListenerBindException} naming the
 * setting to change.
 *
 * <p>Lifecycle: configure {@link #sessionConfig()} if needed, {@link #bind()} once, {@link #close()}
 * (idempotent) to stop accepting, close the listener's connections and release its threads.
 */
public final class MinaListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MinaListener.class);
    /** Pending connections the kernel queues while all I/O threads are busy; the JDK default of 50 is small for a mail server. */
    static final int BACKLOG = 256;

    private final ListenerSpec spec;
    private final NioSocketAcceptor acceptor;
    private BoundListener bound;
    private boolean closed;

    public MinaListener(ListenerSpec spec, IoFilterChainBuilder filterChain, IoHandler handler) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.acceptor = new NioSocketAcceptor();
        acceptor.setReuseAddress(true);   // restart at once while old connections sit in TIME_WAIT
        acceptor.setBacklog(BACKLOG);
        acceptor.setCloseOnDeactivation(true);
        acceptor.setFilterChainBuilder(Objects.requireNonNull(filterChain, "filterChain"));
        acceptor.setHandler(Objects.requireNonNull(handler, "handler"));
    }

    public ListenerSpec spec() {
        return spec;
    }

    /** Socket options of accepted connections (timeouts, buffer sizes); set them before {@link #bind()}. */
    public SocketSessionConfig sessionConfig() {
        return acceptor.getSessionConfig();
    }

    /** Binds and starts accepting connections. */
    public synchronized BoundListener bind() throws ListenerBindException {
        if (closed) throw new IllegalStateException(spec.name() + " listener is closed");
        if (bound != null) throw new IllegalStateException(spec.name() + " listener is already bound");
        try {
            acceptor.bind(new InetSocketAddress(InetAddress.getByName(spec.bindAddress()), spec.port()));
        } catch (IOException | RuntimeException e) {
            // MINA rethrows the channel's BindException, or wraps it in a RuntimeIoException
            acceptor.dispose(false);
            closed = true;
            throw new ListenerBindException(spec, e);
        }
        bound = new BoundListener(spec, acceptor.getLocalAddress());
        log.info("listening {}", spec.describe(bound.port()));
        return bound;
    }

    /** Whether the listener is bound and accepting. */
    public synchronized boolean isBound() {
        return bound != null && !closed;
    }

    /** The number of open connections. */
    public int connections() {
        return acceptor.getManagedSessionCount();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (bound != null) {
            acceptor.unbind();   // closes the listener's connections too (close-on-deactivation)
            log.info("stopped listening {}", spec.describe(bound.port()));
        }
        acceptor.dispose(true);
    }
}
