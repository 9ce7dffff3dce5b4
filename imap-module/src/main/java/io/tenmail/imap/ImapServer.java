package io.tenmail.imap;

import io.tenmail.imap.command.CommandDispatcher;
import io.tenmail.imap.command.ImapBackend;
import io.tenmail.imap.transport.ImapFilterChain;
import io.tenmail.imap.transport.ImapIoHandler;
import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.protocol.ProtocolServer;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.transport.MinaListener;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.MessageIndex;
import io.tenmail.storage.mime.MessageParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The IMAP server: the STARTTLS listener ({@code tenmail.imap.port}, 143) and the implicit-TLS
 * listener ({@code tenmail.imaps.port}, 993), each a {@link MinaListener} with the chain of
 * {@link ImapFilterChain} and an {@link ImapIoHandler}, sharing one pool of worker threads that
 * runs the commands. Started by deploy's Main as a CDI bean; tests construct it directly.
 */
@ApplicationScoped
public class ImapServer implements ProtocolServer {
    private ImapSettings settings;
    private ImapBackend backend;
    private SSLContext tls;
    private final List<MinaListener> listeners = new ArrayList<>();
    private final List<BoundListener> bound = new ArrayList<>();
    private ExecutorService workers;

    /** For CDI's client proxy only. */
    protected ImapServer() {
    }

    @Inject
    public ImapServer(Directory directory, MailboxStore store, BlobStore blobs, MailboxEvents events, MessageParser parser,
                      LoginThrottle throttle, SSLContext tls, Instance<MessageIndex> index) {
        // the throttle is the one shared bean, so failures count across SMTP, IMAP and POP3
        this(ImapSettings.from(ConfigProvider.getConfig()), new ImapBackend(directory, store, blobs, events, parser, throttle,
                Clock.systemUTC(), index.isResolvable() ? index.get() : MessageIndex.NONE), tls);
    }

    public ImapServer(ImapSettings settings, ImapBackend backend, SSLContext tls) {
        this.settings = settings;
        this.backend = backend;
        this.tls = tls;
    }

    @Override
    public String name() {
        return "imap";
    }

    @Override
    public synchronized void start() throws ListenerBindException {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "imap-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        workers = Executors.newFixedThreadPool(settings.workerThreads(), threads);
        CommandDispatcher dispatcher = CommandDispatcher.create(backend);
        try {
            if (settings.imapPort() >= 0) bind(settings.imapListener(), dispatcher);
            if (settings.imapsPort() >= 0) bind(settings.imapsListener(), dispatcher);
        } catch (ListenerBindException e) {
            close();
            throw e;
        }
    }

    private void bind(ListenerSpec spec, CommandDispatcher dispatcher) throws ListenerBindException {
        MinaListener listener = new MinaListener(spec, ImapFilterChain.build(tls, spec.implicitTls()),
                new ImapIoHandler(settings, dispatcher, tls, workers, spec.name()));
        listener.sessionConfig().setTcpNoDelay(true);
        listeners.add(listener);
        bound.add(listener.bind());
    }

    @Override
    public synchronized List<BoundListener> listeners() {
        return List.copyOf(bound);
    }

    /** The bound port of the listener with this name ("imap", "imaps"). */
    public synchronized int port(String listenerName) {
        return bound.stream().filter(b -> b.spec().name().equals(listenerName)).findFirst()
                .orElseThrow(() -> new IllegalStateException(listenerName + " is not bound")).port();
    }

    @Override
    public synchronized void close() {
        for (MinaListener l : listeners) l.close();
        listeners.clear();
        bound.clear();
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(5, TimeUnit.SECONDS)) workers.shutdownNow();
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
            workers = null;
        }
    }
}
