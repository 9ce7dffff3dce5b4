package io.tenmail.smtp.mailet;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.tls.TlsContextFactory;
import io.tenmail.protocol.tls.TlsMaterial;
import io.tenmail.protocol.tls.TlsSettings;
import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.SmtpServer;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.dsn.QueuedDeliveryReports;
import io.tenmail.smtp.mailet.testmailets.Recorder;
import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.smtp.spam.policy.SpamClock;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.directory.VerifiedPasswords;
import io.tenmail.storage.jpa.JpaDirectory;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.JpaMailQueue;
import io.tenmail.storage.jpa.JpaSpamPolicies;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.jpa.mailbox.JpaMailboxStore;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.TenantId;
import io.tenmail.storage.model.UidRange;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The real stores (JPA directory, mailboxes and queue on one database, file blobs) with a running
 * {@link MailSpooler} on the test configuration {@code mailet/test-mailetcontainer.xml}. Tenant
 * "Example" owns example.test (alias domain example.net); each test makes its own accounts.
 */
final class ProcessingSystem implements AutoCloseable {
    static final String HOST = "mx.example.test";
    private static final AtomicInteger NAMES = new AtomicInteger();

    final Database database;
    final JpaDirectory directory;
    final JpaDirectoryAdmin admin;
    final JpaMailQueue queue;
    final JpaMailboxStore mailboxes;
    final io.tenmail.storage.jpa.JpaBayesTokens bayesTokens;
    final FileBlobStore blobs;
    /** The mailbox store's events: a benchmark counts deliveries by them instead of querying the queue. */
    final InMemoryMailboxEvents events = new InMemoryMailboxEvents();
    final QueueWakeup wakeup = new QueueWakeup();
    final QueueInjector injector;
    final QueuedDeliveryReports reports;
    final Recorder recorder = new Recorder();
    /** Replaced by {@link #restartSpooler()}. */
    volatile MailSpooler spooler;
    /** The spooler's settings, for a restart. */
    private final SpoolerSettings spoolerSettings;
    /** The transactions every store here runs in, for queues of other nodes. */
    final Transactions tx;
    final TenantId tenant;
    final DomainId domain;
    /** The SMTP server on the same stores: RCPT checks quotas, and accepted mail wakes the spooler. */
    final SmtpServer smtp;
    /** The spam policies and lists on the same database, and the clock greylisting measures with. */
    final JpaSpamPolicies spamPolicies;
    final TestClock spamClock = new TestClock(Instant.parse("2026-11-22T00:00:00Z"));
    /**
     * The client address the MX's screen and queue see instead of the test's loopback address
     * (loopback clients are trusted and never checked); null: the real one.
     */
    volatile String remoteClient;

    /** The mailetcontainer.xml the spooler runs, and services beyond the stores for @Inject constructors. */
    private final Path configFile;
    private final Object[] extraServices;

    ProcessingSystem(StorageSettings storage, Path dir) throws Exception {
        this(storage, dir, configFile());
    }

    ProcessingSystem(StorageSettings storage, Path dir, Path configFile, Object... extraServices) throws Exception {
        this.configFile = configFile;
        this.extraServices = extraServices;
        database = new Database(storage);
        tx = new Transactions(database.entityManagerFactory());
        PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Parameters(64, 1, 1));
        directory = new JpaDirectory(tx, hasher, Clock.systemUTC(), VerifiedPasswords.disabled(), storage.directoryCacheTtl());
        admin = new JpaDirectoryAdmin(tx, hasher, Clock.systemUTC(), TestDkimKeys.SHARED);
        queue = new JpaMailQueue(tx);
        bayesTokens = new io.tenmail.storage.jpa.JpaBayesTokens(tx, Clock.systemUTC(), storage.directoryCacheTtl());
        spamPolicies = new JpaSpamPolicies(tx, storage.directoryCacheTtl());
        // the store tells the spam filter's training about copies and moves, as CDI does in the server
        java.util.concurrent.atomic.AtomicReference<io.tenmail.smtp.spam.bayes.JunkTraining> training = new java.util.concurrent.atomic.AtomicReference<>();
        mailboxes = new JpaMailboxStore(tx, events, directory, e -> training.get().transferred(e));
        blobs = new FileBlobStore(dir.resolve("blobs"));
        injector = new QueueInjector(blobs, queue, wakeup);
        training.set(new io.tenmail.smtp.spam.bayes.JunkTraining(mailboxes, directory, blobs, bayesTokens));
        reports = new QueuedDeliveryReports(injector, HOST, Clock.systemUTC());
        tenant = admin.createTenant("Example", 0, 0).id();
        domain = admin.createDomain(tenant, "example.test").id();
        admin.addDomainAlias(tenant, domain, "example.net");
        spoolerSettings = new SpoolerSettings(2, Duration.ofSeconds(30), 4, Duration.ofMillis(500), configFile(), 8);   // a hand-off of threads x batch: bursts overflow it
        spooler = new MailSpooler(spoolerSettings, queue, blobs, wakeup, Clock.systemUTC(), this::container);
        spooler.start();
        SSLContext tls = TlsContextFactory.serverContext(TlsMaterial.load(TlsSettings.selfSigned(HOST, dir), Clock.systemUTC()));
        LoginThrottle.Policy lenient = new LoginThrottle.Policy(10_000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        smtp = new SmtpServer(SmtpSettings.builder(HOST, dir.resolve("spool")).ports(0, 0, 0).build(), tls, directory,
                Optional.of(mailboxes), spooler.intakeQueue(), blobs, new LoginThrottle(lenient, lenient, 1000, Clock.systemUTC()), Clock.systemUTC(),
                wakeup::signal, asRemoteClient(spooler.dataScreen()));
        smtp.start();
    }

    /** The screen, seeing {@link #remoteClient} as the client; the accepted mail is queued with it too. */
    private MessageScreen asRemoteClient(MessageScreen screen) {
        return message -> {
            String client = remoteClient;
            if (client == null) return screen.screen(message);
            Map<String, String> attributes = new HashMap<>(message.attributes());
            attributes.put(MailAttributes.CLIENT_ADDRESS, client);
            MessageScreen.Message remote = new MessageScreen.Message(message.transaction(), message.sender(), message.recipients(),
                    message.blob(), message.size(), attributes);
            MessageScreen.Screening screening = screen.screen(remote);
            if (!(screening instanceof MessageScreen.Screening.Accept accepted)) return screening;
            Map<String, String> kept = new HashMap<>(accepted.attributes());
            kept.put(MailAttributes.CLIENT_ADDRESS, client);
            return MessageScreen.Screening.accept(kept);
        };
    }

    /** The MX listener's port. */
    int mxPort() {
        return smtp.listeners().stream().filter(l -> l.spec().name().equals("smtp")).findFirst().orElseThrow().port();
    }

    static Path configFile() throws URISyntaxException {
        return Path.of(ProcessingSystem.class.getResource("/mailet/test-mailetcontainer.xml").toURI());
    }

    /** A new container on the test configuration, wired to this system's stores. */
    MailetContainer container() throws ContainerConfigException {
        QueueMailetContext context = new QueueMailetContext(directory, injector, reports, new EmailAddress("postmaster", "example.test"), HOST);
        List<Object> all = new ArrayList<>(List.of(directory, mailboxes, blobs, reports, queue, recorder, injector, bayesTokens,
                spamPolicies, new SpamClock(spamClock)));
        all.addAll(List.of(extraServices));
        ServiceInstantiator services = new ServiceInstantiator(all.toArray());
        return new MailetContainerLoader(new MailetClasses(getClass().getClassLoader()), services, context).load(configFile);
    }

    /** A new account in example.test whose address starts with {@code name}. */
    Account account(String name, long quotaBytes) throws StoreException {
        EmailAddress address = new EmailAddress(name + NAMES.incrementAndGet(), "example.test");
        Account account = admin.createAccount(tenant, address, name, "pw-" + UUID.randomUUID(), quotaBytes);
        mailboxes.ensureDefaultMailboxes(account.id());
        return account;
    }

    static String unique(String name) {
        return name + NAMES.incrementAndGet();
    }

    /**
     * Stops the spooler and starts a new one on the same queue, as a restart of this node would;
     * {@code whileStopped} runs in between. The SMTP server keeps the old spooler's intake, which
     * queues for any worker from now on.
     */
    void restartSpooler(ThrowingRunnable whileStopped) throws Exception {
        spooler.close();
        whileStopped.run();
        spooler = new MailSpooler(spoolerSettings, queue, blobs, wakeup, Clock.systemUTC(), this::container);
        spooler.start();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Queues a small message as SMTP intake would (handed to the spooler), and wakes the spooler. */
    QueueEntryId send(String from, Map<String, String> attributes, String... to) throws StoreException {
        QueueEntryId id = spooler.intakeQueue().enqueue(mail(from, attributes, to));
        wakeup.signal();
        return id;
    }

    /** A small message stored as a blob, ready to be queued. */
    QueuedMail mail(String from, Map<String, String> attributes, String... to) throws StoreException {
        String body = "From: <" + from + ">\r\nTo: " + String.join(", ", to) + "\r\nSubject: test " + UUID.randomUUID()
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.test>\r\n\r\nHello.\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        var blob = blobs.put(new ByteArrayInputStream(bytes), bytes.length);
        List<QueuedRecipient> recipients = Arrays.stream(to).map(a -> QueuedRecipient.pending(EmailAddress.parse(a))).toList();
        Optional<EmailAddress> sender = from.isEmpty() ? Optional.empty() : Optional.of(EmailAddress.parse(from));
        return new QueuedMail(blob.id(), blob.size(), sender, recipients, attributes, Instant.now());
    }

    QueueEntryId send(String from, String... to) throws StoreException {
        return send(from, Map.of(), to);
    }

    List<MessageMeta> messages(AccountId owner, MailboxName name) throws StoreException {
        MailboxInfo box = mailboxes.mailbox(owner, name).orElseThrow();
        return mailboxes.messages(owner, box.id(), List.of(UidRange.ALL));
    }

    List<MessageMeta> junk(AccountId owner) throws StoreException {
        MailboxInfo box = mailboxes.mailbox(owner, SpecialUse.JUNK).orElseThrow();
        return mailboxes.messages(owner, box.id(), List.of(UidRange.ALL));
    }

    List<MessageMeta> inbox(AccountId owner) throws StoreException {
        return messages(owner, MailboxName.INBOX);
    }

    /** Waits until the INBOX holds {@code count} messages, and returns them. */
    List<MessageMeta> awaitInbox(AccountId owner, int count) throws StoreException {
        await(() -> inboxSize(owner) >= count, "INBOX of account " + owner.value() + " to hold " + count + " message(s)");
        return inbox(owner);
    }

    private int inboxSize(AccountId owner) {
        try {
            return inbox(owner).size();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(MessageMeta message) throws StoreException, IOException {
        try (InputStream in = blobs.open(message.blob())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Waits until the queue holds nothing but parked entries. */
    void awaitQueueDrained() {
        await(() -> {
            try {
                return queue.size() == 0;
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        }, "the queue to be empty");
    }

    /** Polls {@code condition} until it holds, failing after 20 seconds. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Override
    public void close() {
        smtp.close();
        spooler.close();
        database.close();
    }
}
