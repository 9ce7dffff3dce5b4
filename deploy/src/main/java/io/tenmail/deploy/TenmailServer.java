package io.tenmail.deploy;

import io.tenmail.admin.AdminBackend;
import io.tenmail.admin.AdminServer;
import io.tenmail.admin.AdminSettings;
import io.tenmail.admin.autoconfig.MailEndpoints;
import io.tenmail.protocol.dns.DnsLookup;
import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.protocol.ProtocolServer;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.AuditLog;
import io.tenmail.storage.BayesTokens;
import io.tenmail.smtp.mailet.ContainerConfigException;
import io.tenmail.smtp.mailet.MailSpooler;
import io.tenmail.smtp.mailet.SpoolerSettings;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.blob.BlobSweeper;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.index.LuceneMessageIndex;
import io.tenmail.storage.jpa.JpaBlobReferences;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.retention.RetentionSweeper;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The running server: the CDI container with the storage beans, the mail spooler, the admin HTTP
 * server, and every {@link ProtocolServer} bean. {@link #start} brings them up in that order; {@link #close} takes
 * down whatever was started, in reverse order, and may be called from a shutdown hook, after a
 * failed start, and more than once.
 */
final class TenmailServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TenmailServer.class);

    /** Something to close at shutdown, with a name for the log. */
    private record Started(String name, AutoCloseable resource) {
    }

    private final Deque<Started> started = new ArrayDeque<>();
    private final List<BoundListener> listeners = new ArrayList<>();
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private boolean closed;

    /**
     * Starts everything.
     *
     * @throws ListenerBindException a port cannot be bound (the admin HTTP port or a protocol's)
     * @throws StartupException      a module or the database is not available
     */
    synchronized void start(ServerSettings settings, Config config, SSLContext tls, String adminToken)
            throws ListenerBindException, StartupException {
        if (closed) throw new IllegalStateException("server is closed");

        // SmallRye Config's CDI extension serves ConfigProvider.getConfig(): make that ours
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver.instance().registerConfig(config, classLoader);
        started.push(new Started("configuration", () -> ConfigProviderResolver.instance().releaseConfig(config)));

        WeldContainer container = new Weld("tenmail")
                .skipShutdownHook()   // ours closes the container after the servers that use it
                .addExtension(new StartupBeans(settings.storage(), tls))
                .initialize();
        started.push(new Started("CDI container and storage", container::shutdown));

        DirectoryAdmin directoryAdmin = required(container.select(DirectoryAdmin.class), "DirectoryAdmin");
        MailboxStore mailboxes = optional(container.select(MailboxStore.class));
        try {
            // the first query opens the database and runs its migrations: fail here, not at the first request
            log.info("directory ready: {} tenant(s)", directoryAdmin.tenants().size());
        } catch (StoreException | RuntimeException e) {
            throw new StartupException("the database is not available: " + rootMessage(e), e);
        }

        startBlobSweep(settings.blobSweep(), container);
        startRetention(config, container);
        startIndex(settings.index(), container);
        startSpooler(container);
        startAdminServer(settings, new AdminBackend(directoryAdmin, mailboxes,
                required(container.select(MailQueue.class), "MailQueue"),
                required(container.select(AuditLog.class), "AuditLog"),
                required(container.select(ApiTokens.class), "ApiTokens"),
                // the protocols' throttle: console and mail-client guesses count against one allowance
                required(container.select(LoginThrottle.class), "LoginThrottle"),
                required(container.select(DkimKeys.class), "DkimKeys"), dnsLookup(config),
                required(container.select(MailTraffic.class), "MailTraffic")), adminToken);

        for (ProtocolServer server : container.select(ProtocolServer.class)) {
            started.push(new Started(server.name() + " server", server));   // closed even if start fails halfway
            server.start();
            listeners.addAll(server.listeners());
        }
    }

    /** The resolvers the console's DNS check asks (the same setting remote delivery uses). */
    private static DnsLookup dnsLookup(Config config) throws StartupException {
        try {
            return DnsLookup.fromConfig(config);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** The blob store's garbage collection, against the references the database holds. */
    private void startBlobSweep(ServerSettings.BlobSweep sweep, WeldContainer container) throws StartupException {
        FileBlobStore blobs = required(container.select(FileBlobStore.class), "FileBlobStore");
        Transactions tx = required(container.select(Transactions.class), "Transactions");
        BlobSweeper sweeper = new BlobSweeper(blobs, new JpaBlobReferences(tx), sweep.grace());
        started.push(new Started("blob sweep", PeriodicTask.start("blob sweep", sweep.interval(), sweep.interval(), sweeper::sweep)));
        log.debug("blob sweep every {} min for message bodies unreferenced for {} min",
                sweep.interval().toMinutes(), sweep.grace().toMinutes());
    }

    /** Deletes old greylisting triplets, daily message counts and rare Bayes features once a day (docs/spam.md, "Retention"). */
    private void startRetention(Config config, WeldContainer container) throws StartupException {
        RetentionSweeper.Retention retention = RetentionSettings.from(config);
        RetentionSweeper sweeper = new RetentionSweeper(required(container.select(SpamPolicies.class), "SpamPolicies"),
                required(container.select(MailTraffic.class), "MailTraffic"), required(container.select(BayesTokens.class), "BayesTokens"),
                retention, Clock.systemUTC());
        // not at start-up, where the server has enough to do; soon enough that a test run sees one
        started.push(new Started("retention sweep", PeriodicTask.start("retention sweep", Duration.ofMinutes(10), Duration.ofDays(1), sweeper::sweep)));
        log.debug("retention: greylisting triplets {} days after their last sighting, daily message counts {} days, rare Bayes features {} days"
                + " (0: forever)", retention.greylist().toDays(), retention.traffic().toDays(), retention.rareBayesTokens().toDays());
    }

    /**
     * The mailet container and the workers that take mail out of the queue: after storage, before
     * any listener accepts mail, so mail queued before a restart is delivered at once; stopped
     * after the listeners (the close order is the reverse of this).
     */
    private void startSpooler(WeldContainer container) throws StartupException {
        MailSpooler spooler = required(container.select(MailSpooler.class), "MailSpooler");
        started.push(new Started("mail spooler", spooler));
        try {
            spooler.start();
        } catch (ContainerConfigException e) {
            throw new SettingsException(SpoolerSettings.CONFIG_FILE, e.getMessage());
        }
    }

    /** The full-text index: opened (catching up in the background) before IMAP starts answering. */
    private void startIndex(ServerSettings.FullTextIndex settings, WeldContainer container) throws StartupException {
        if (!settings.enabled()) {
            log.info("full-text index disabled ({}=false): SEARCH reads the messages", ServerSettings.INDEX_ENABLED);
            return;
        }
        LuceneMessageIndex index = required(container.select(LuceneMessageIndex.class), "LuceneMessageIndex");
        try {
            index.open(settings.dir(), settings.maxTextChars(), Duration.ofMinutes(30));
        } catch (IOException e) {
            throw new StartupException("the full-text index in " + settings.dir() + " cannot be opened: " + rootMessage(e), e);
        }
        started.push(new Started("full-text index", index));
        log.info("full-text index in {}", settings.dir());
    }

    private void startAdminServer(ServerSettings settings, AdminBackend backend, String token)
            throws ListenerBindException, StartupException {
        ListenerSpec http = settings.httpListener();
        int port;
        try {
            ServerSettings.Ports p = settings.ports();
            MailEndpoints mail = new MailEndpoints(settings.hostname(), p.imap(), p.imaps(), p.pop3(), p.pop3s(), p.submission(), p.smtps());
            AdminServer admin = new AdminServer(new AdminSettings(http.bindAddress(), http.port(), settings.passwordPolicy(),
                    Optional.of(mail)), backend, token);
            started.push(new Started("admin HTTP server", admin::close));
            admin.start();
            port = admin.port();
        } catch (Exception e) {
            if (ListenerBindException.isBindFailure(e)) throw new ListenerBindException(http, e);
            throw new StartupException("the admin HTTP server did not start: " + rootMessage(e), e);
        }
        log.info("listening http on {} (admin console and API)", ListenerSpec.hostAndPort(http.bindAddress(), port));
    }

    /** The mail listeners that are accepting connections. */
    synchronized List<BoundListener> listeners() {
        return List.copyOf(listeners);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            while (!started.isEmpty()) {
                Started s = started.pop();
                try {
                    s.resource().close();
                } catch (Exception | LinkageError e) {
                    // keep going: the rest must still be closed, the database above all
                    log.warn("closing the {} failed: {}", s.name(), rootMessage(e));
                    log.debug("closing the {} failed", s.name(), e);
                }
            }
            listeners.clear();
        }
        closedSignal.countDown();
    }

    /** Blocks until {@link #close()} has finished. */
    void awaitClosed() throws InterruptedException {
        closedSignal.await();
    }

    private static <T> T required(Instance<T> instance, String what) throws StartupException {
        if (instance.isUnsatisfied()) {
            throw new StartupException("no " + what + " implementation on the class path; the distribution is incomplete", null);
        }
        if (instance.isAmbiguous()) {
            throw new StartupException("more than one " + what + " implementation on the class path", null);
        }
        return instance.get();
    }

    private static <T> T optional(Instance<T> instance) {
        return instance.isResolvable() ? instance.get() : null;
    }

    /** The exception's message, followed by its root cause's when that adds something. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String outer = e.getMessage();
        String inner = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        if (root == e || outer == null) return inner;
        return outer.contains(inner) ? outer : outer + ": " + inner;
    }
}
