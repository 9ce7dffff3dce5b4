package io.tenmail.pop3;

import io.tenmail.pop3.command.CommandDispatcher;
import io.tenmail.pop3.session.MaildropLocks;
import io.tenmail.pop3.transport.Pop3Transport;
import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.protocol.ProtocolServer;
import io.tenmail.protocol.TlsMode;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.transport.MinaListener;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.net.ssl.SSLContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The POP3 server: binds {@code tenmail.pop3.port} (110, STLS) and {@code tenmail.pop3s.port}
 * (995, implicit TLS) from {@link Pop3Settings}, sharing one executor, one login throttle and one
 * set of maildrop locks between them. Deploy's Main starts it as a CDI bean (see
 * {@link ProtocolServer} for the lifecycle); tests construct it directly.
 */
@ApplicationScoped
public class Pop3Server implements ProtocolServer {
    private final Pop3Settings settings;
    private final Directory directory;
    private final MailboxStore store;
    private final BlobStore blobs;
    private final SSLContext tls;
    private final LoginThrottle throttle;
    private final MaildropLocks locks = new MaildropLocks();

    private final List<MinaListener> listeners = new ArrayList<>();
    private final List<BoundListener> bound = new ArrayList<>();
    private Pop3Transport transport;
    private boolean started;

    /** For CDI's client proxy only. */
    protected Pop3Server() {
        this.settings = null;
        this.directory = null;
        this.store = null;
        this.blobs = null;
        this.tls = null;
        this.throttle = null;
    }

    @Inject
    public Pop3Server(Config config, Directory directory, MailboxStore store, BlobStore blobs, SSLContext tls,
                      LoginThrottle throttle) {
        // the throttle is the one shared bean, so failures count across SMTP, IMAP and POP3
        this(Pop3Settings.from(config), directory, store, blobs, tls, throttle);
    }

    public Pop3Server(Pop3Settings settings, Directory directory, MailboxStore store, BlobStore blobs, SSLContext tls,
                      LoginThrottle throttle) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public String name() {
        return "pop3";
    }

    @Override
    public synchronized void start() throws ListenerBindException {
        if (started) throw new IllegalStateException("the POP3 server was started already");
        started = true;
        CommandDispatcher dispatcher = CommandDispatcher.create(directory, store, blobs, throttle, locks, settings.includeJunk());
        transport = new Pop3Transport(dispatcher, tls, settings.allowPlaintextOnLoopback(), settings.idleTimeout(),
                settings.workerThreads());
        List<ListenerSpec> specs = List.of(
                new ListenerSpec("pop3", settings.bindAddress(), settings.port(), TlsMode.STARTTLS, Pop3Settings.PORT_KEY),
                new ListenerSpec("pop3s", settings.bindAddress(), settings.tlsPort(), TlsMode.IMPLICIT, Pop3Settings.TLS_PORT_KEY));
        try {
            for (ListenerSpec spec : specs) {
                MinaListener listener = transport.listener(spec);
                listeners.add(listener);
                bound.add(listener.bind());
            }
        } catch (ListenerBindException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized List<BoundListener> listeners() {
        return List.copyOf(bound);
    }

    /** The maildrop locks held now, for tests and metrics. */
    public MaildropLocks locks() {
        return locks;
    }

    @Override
    public synchronized void close() {
        for (MinaListener listener : listeners) listener.close();
        listeners.clear();
        bound.clear();
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }
}
