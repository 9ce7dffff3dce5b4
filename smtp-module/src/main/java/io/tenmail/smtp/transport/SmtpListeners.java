package io.tenmail.smtp.transport;

import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.limits.ConnectionLimits;
import io.tenmail.protocol.transport.MinaListener;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.command.CommandDispatcher;
import io.tenmail.smtp.session.ListenerRole;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three SMTP listeners (MX, submission, SMTPS) on MINA, sharing one ordered worker pool, one
 * TLS filter and one set of connection limits. {@link #start()} binds all or none; {@link
 * #close()} unbinds (closing the connections) and stops the workers.
 */
public final class SmtpListeners implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmtpListeners.class);
    private static final int CORE_WORKERS = 4;

    private final SmtpSettings settings;
    private final SSLContext tls;
    private final CommandDispatcher dispatcher;
    private final ConnectionLimits limits;
    private final List<MinaListener> listeners = new ArrayList<>();
    private OrderedThreadPoolExecutor workers;

    public SmtpListeners(SmtpSettings settings, SSLContext tls, CommandDispatcher dispatcher, ConnectionLimits limits) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Binds every listener; if one fails, closes those already bound and throws. */
    public synchronized List<BoundListener> start() throws ListenerBindException {
        if (workers != null) throw new IllegalStateException("already started");
        workers = new OrderedThreadPoolExecutor(CORE_WORKERS, settings.workerThreads(), 60, TimeUnit.SECONDS, threads(),
                new ReadBackpressure());
        ExecutorFilter executor = new OrderedExecutorFilter(workers);
        TlsFilter tlsFilter = new TlsFilter(tls);
        List<BoundListener> bound = new ArrayList<>();
        try {
            for (ListenerRole role : ListenerRole.values()) {
                MinaListener listener = new MinaListener(settings.listener(role), SmtpFilterChain.build(role, tlsFilter, executor),
                        new SmtpIoHandler(role, settings, dispatcher, limits, tlsFilter));
                listeners.add(listener);
                listener.sessionConfig().setIdleTime(IdleStatus.BOTH_IDLE, (int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toSeconds()));
                listener.sessionConfig().setTcpNoDelay(true);
                bound.add(listener.bind());
            }
        } catch (ListenerBindException | RuntimeException e) {
            close();
            throw e;
        }
        return List.copyOf(bound);
    }

    @Override
    public synchronized void close() {
        for (MinaListener listener : listeners) listener.close();
        listeners.clear();
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) log.warn("SMTP workers still busy after 10 s; leaving them");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers = null;
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "smtp-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
