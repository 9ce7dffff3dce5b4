package io.tenmail.smtp;

import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.ProtocolServer;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.limits.ConnectionLimits;
import io.tenmail.smtp.command.CommandDispatcher;
import io.tenmail.smtp.policy.RateLimitSettings;
import io.tenmail.smtp.policy.RateLimits;
import io.tenmail.smtp.mailet.MailSpooler;
import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.smtp.transport.SmtpListeners;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.MailboxStore;
import io.tenmail.smtp.mailet.QueueWakeup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server: the MX (port 25, STARTTLS), submission (587, STARTTLS then AUTH) and SMTPS
 * (465, implicit TLS, AUTH) listeners of {@link SmtpSettings}, accepting mail into the durable
 * {@link MailQueue}. Built by CDI from the configuration, or directly (tests).
 */
@ApplicationScoped
public class SmtpServer implements ProtocolServer {
    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    private final SmtpSettings settings;
    private final SSLContext tls;
    private final CommandDispatcher dispatcher;
    private SmtpListeners listeners;
    private List<BoundListener> bound = List.of();

    /** For CDI's client proxy only. */
    protected SmtpServer() {
        this.settings = null;
        this.tls = null;
        this.dispatcher = null;
    }

    @Inject
    public SmtpServer(Config config, SSLContext tls, Directory directory, MailboxStore mailboxes, MailQueue queue, BlobStore blobs,
                      LoginThrottle throttle, QueueWakeup wakeup, MailSpooler spooler) {
        // intake hands accepted mail to this node's spooler without a lease round trip (ADR 0019)
        this(SmtpSettings.from(config), tls, directory, Optional.of(mailboxes), spooler.intakeQueue(), blobs, throttle, Clock.systemUTC(),
                wakeup::signal,
                new RateLimits(RateLimitSettings.from(config), Clock.systemUTC()), spooler.dataScreen());
    }

    public SmtpServer(SmtpSettings settings, SSLContext tls, Directory directory, MailQueue queue, BlobStore blobs, LoginThrottle throttle,
                      Clock clock) {
        this(settings, tls, directory, Optional.empty(), queue, blobs, throttle, clock, () -> { });
    }

    /**
     * @param mailboxes when present, RCPT refuses a recipient already over its quota (452 4.2.2)
     * @param queued    run after each accepted mail is committed (wakes the spooler)
     */
    public SmtpServer(SmtpSettings settings, SSLContext tls, Directory directory, Optional<MailboxStore> mailboxes, MailQueue queue,
                      BlobStore blobs, LoginThrottle throttle, Clock clock, Runnable queued) {
        this(settings, tls, directory, mailboxes, queue, blobs, throttle, clock, queued, RateLimits.none(), MessageScreen.ACCEPT_ALL);
    }

    /** @param rateLimits per client address and per account (docs/smtp.md, "Rate limits") */
    public SmtpServer(SmtpSettings settings, SSLContext tls, Directory directory, Optional<MailboxStore> mailboxes, MailQueue queue,
                      BlobStore blobs, LoginThrottle throttle, Clock clock, Runnable queued, RateLimits rateLimits) {
        this(settings, tls, directory, mailboxes, queue, blobs, throttle, clock, queued, rateLimits, MessageScreen.ACCEPT_ALL);
    }

    /** @param screen judges MX mail at the end of DATA/BDAT before it is queued (see the full constructor) */
    public SmtpServer(SmtpSettings settings, SSLContext tls, Directory directory, Optional<MailboxStore> mailboxes, MailQueue queue,
                      BlobStore blobs, LoginThrottle throttle, Clock clock, Runnable queued, MessageScreen screen) {
        this(settings, tls, directory, mailboxes, queue, blobs, throttle, clock, queued, RateLimits.none(), screen);
    }

    /**
     * @param rateLimits per client address and per account (docs/smtp.md, "Rate limits")
     * @param screen     judges MX mail at the end of DATA/BDAT before it is queued: the mailet
     *                   container's "smtp-data" processor ({@link MailSpooler#dataScreen()}, ADR 0015)
     */
    public SmtpServer(SmtpSettings settings, SSLContext tls, Directory directory, Optional<MailboxStore> mailboxes, MailQueue queue,
                      BlobStore blobs, LoginThrottle throttle, Clock clock, Runnable queued, RateLimits rateLimits,
                      MessageScreen screen) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.dispatcher = CommandDispatcher.standard(directory, mailboxes, queue, blobs, throttle, clock, queued, rateLimits, screen);
    }

    @Override
    public String name() {
        return "smtp";
    }

    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public synchronized void start() throws ListenerBindException {
        if (listeners != null) throw new IllegalStateException("the SMTP server was started already");
        cleanSpool(settings.spoolDir());
        listeners = new SmtpListeners(settings, tls, dispatcher,
                new ConnectionLimits(settings.maxConnections(), settings.maxConnectionsPerAddress()));
        bound = listeners.start();
        log.info("SMTP server ready as {}: messages up to {} octets, {} recipients", settings.hostname(),
                settings.maxMessageSizeBytes(), settings.maxRecipients());
    }

    @Override
    public synchronized List<BoundListener> listeners() {
        return bound;
    }

    @Override
    public synchronized void close() {
        if (listeners != null) listeners.close();
        bound = List.of();
    }

    /** Spool files outlive only a crash, and no transaction survives one: remove them. */
    private static void cleanSpool(Path dir) {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "message-*.spool")) {
                for (Path file : leftovers) Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the SMTP spool directory " + dir + " is not usable: " + e.getMessage(), e);
        }
    }
}
