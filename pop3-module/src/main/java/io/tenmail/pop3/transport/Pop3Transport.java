package io.tenmail.pop3.transport;

import io.tenmail.pop3.command.CommandDispatcher;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.protocol.transport.MinaListener;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MINA side of the POP3 server: one ordered executor shared by its listeners (every event of
 * a connection runs there, in order, so storage and disk I/O never block an I/O thread), and a
 * {@link MinaListener} per {@link ListenerSpec} with the POP3 filter chain and handler.
 * {@link #close()} stops the executor after the listeners are closed.
 */
public final class Pop3Transport implements AutoCloseable {
    private final CommandDispatcher dispatcher;
    private final SSLContext tls;
    private final boolean allowPlaintextOnLoopback;
    private final Duration idleTimeout;
    private final OrderedThreadPoolExecutor executor;

    /**
     * @param allowPlaintextOnLoopback whether USER/PASS and AUTH work without TLS from loopback clients
     * @param idleTimeout              RFC 1939 §3 autologout: a connection silent this long is closed
     * @param workerThreads            the most executor threads
     */
    public Pop3Transport(CommandDispatcher dispatcher, SSLContext tls, boolean allowPlaintextOnLoopback, Duration idleTimeout,
                         int workerThreads) {
        this.dispatcher = dispatcher;
        this.tls = tls;
        this.allowPlaintextOnLoopback = allowPlaintextOnLoopback;
        this.idleTimeout = idleTimeout;
        this.executor = new OrderedThreadPoolExecutor(Math.min(4, workerThreads), workerThreads, 60, TimeUnit.SECONDS,
                new WorkerThreads());
    }

    /** A listener for {@code spec}, not yet bound. */
    public MinaListener listener(ListenerSpec spec) {
        MinaListener listener = new MinaListener(spec, Pop3FilterChain.build(spec.implicitTls(), tls, executor),
                new Pop3IoHandler(dispatcher, tls, spec.implicitTls(), allowPlaintextOnLoopback));
        listener.sessionConfig().setIdleTime(IdleStatus.BOTH_IDLE, (int) Math.max(1, idleTimeout.toSeconds()));
        // a status line and a small message go out as one write; do not let Nagle hold it back
        listener.sessionConfig().setTcpNoDelay(true);
        return listener;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "pop3-worker-" + count.incrementAndGet());
            thread.setDaemon(true);   // the server's shutdown hook closes the executor; it must not keep the JVM alive
            return thread;
        }
    }
}
