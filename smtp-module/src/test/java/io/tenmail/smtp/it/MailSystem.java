package io.tenmail.smtp.it;

import io.tenmail.protocol.BoundListener;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.tls.TlsContextFactory;
import io.tenmail.protocol.tls.TlsMaterial;
import io.tenmail.protocol.tls.TlsSettings;
import io.tenmail.smtp.SmtpServer;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaDirectory;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.JpaMailQueue;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real SMTP server on free loopback ports over the real stores: JPA directory and queue on
 * embedded Derby in a temporary directory, file blob store, a self-signed certificate. Started
 * once per test run (JUnit's root store closes it at the end); the queue is emptied before each
 * test. Test classes use it with {@code @ExtendWith(MailSystem.Extension.class)} and take it as a
 * test-method parameter.
 *
 * <p>The directory: tenant "Example" with domain example.test (alias domain example.net):
 * alice and bob (passwords {@code alice-pw}, {@code bob-pw}), carol (SMTP switched off), dave
 * (app password required; {@link #daveAppPassword()}), erin (disabled); alias
 * sales@example.test → bob; groups team@ (members alice, bob; members only), all@ (anyone),
 * staff@ (same domain); catch-all none. Tenant "Other" with other.test: zed ({@code zed-pw}).
 */
public final class MailSystem implements AutoCloseable {
    public static final String HOST = "mx.example.test";
    /** Liquibase logs through java.util.logging; held here because JUL keeps its loggers weakly. */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
    }

    final Path dir;
    final Database database;
    final JpaDirectory directory;
    final JpaDirectoryAdmin admin;
    final JpaMailQueue queue;
    final FileBlobStore blobs;
    final SSLContext tls;
    final LoginThrottle throttle;
    final SmtpServer server;
    private String daveAppPassword;

    private MailSystem() throws Exception {
        dir = Files.createTempDirectory("tenmail-smtp-it");
        database = new Database(TestDatabases.derby(dir.resolve("data")));
        Transactions transactions = new Transactions(database.entityManagerFactory());
        // cheap hashes: the tests log in hundreds of times
        PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Parameters(64, 1, 1));
        directory = new JpaDirectory(transactions, hasher, Clock.systemUTC());
        admin = new JpaDirectoryAdmin(transactions, hasher, Clock.systemUTC(), TestDkimKeys.SHARED);
        queue = new JpaMailQueue(transactions);
        blobs = new FileBlobStore(dir.resolve("blobs"));
        tls = TlsContextFactory.serverContext(TlsMaterial.load(TlsSettings.selfSigned(HOST, dir), Clock.systemUTC()));
        // generous: tests fail logins on purpose; LimitsIT runs its own strict one
        LoginThrottle.Policy lenient = new LoginThrottle.Policy(10_000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        throttle = new LoginThrottle(lenient, lenient, 1000, Clock.systemUTC());
        seed();
        server = start(b -> { });
    }

    private void seed() throws StoreException {
        TenantId example = admin.createTenant("Example", 0, 0).id();
        DomainId domain = admin.createDomain(example, "example.test").id();
        admin.addDomainAlias(example, domain, "example.net");
        admin.createAccount(example, address("alice@example.test"), "Alice", "alice-pw", 0);
        admin.createAccount(example, address("bob@example.test"), "Bob", "bob-pw", 0);
        Account carol = admin.createAccount(example, address("carol@example.test"), "Carol", "carol-pw", 0);
        admin.updateAccount(example, carol.id(), new DirectoryAdmin.AccountChange(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Set.of(Protocol.IMAP, Protocol.POP3)), Optional.empty()));
        Account dave = admin.createAccount(example, address("dave@example.test"), "Dave", "dave-pw", 0);
        admin.updateAccount(example, dave.id(), new DirectoryAdmin.AccountChange(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true)));
        daveAppPassword = admin.createAppPassword(example, dave.id(), "phone", Set.of(Protocol.SMTP), List.of(), Optional.empty()).secret();
        Account erin = admin.createAccount(example, address("erin@example.test"), "Erin", "erin-pw", 0);
        admin.updateAccount(example, erin.id(), new DirectoryAdmin.AccountChange(Optional.empty(), Optional.of(false), Optional.empty(),
                Optional.empty(), Optional.empty()));
        admin.createAlias(example, address("sales@example.test"), List.of(address("bob@example.test")));
        admin.createGroup(example, address("team@example.test"), "Team", List.of(address("alice@example.test"), address("bob@example.test")),
                SendPolicy.MEMBERS);
        admin.createGroup(example, address("all@example.test"), "All", List.of(address("alice@example.test"), address("bob@example.test")),
                SendPolicy.ANYONE);
        admin.createGroup(example, address("staff@example.test"), "Staff", List.of(address("alice@example.test")), SendPolicy.SAME_DOMAIN);
        TenantId other = admin.createTenant("Other", 0, 0).id();
        admin.createDomain(other, "other.test");
        admin.createAccount(other, address("zed@other.test"), "Zed", "zed-pw", 0);
    }

    private static EmailAddress address(String text) {
        return EmailAddress.parse(text);
    }

    /** The settings every server of this system starts from: small limits that tests can reach. */
    public SmtpSettings.Builder defaults() {
        return SmtpSettings.builder(HOST, dir.resolve("spool")).ports(0, 0, 0)
                .maxMessageSizeBytes(512 * 1024).maxRecipients(10).maxBadCommands(10).workerThreads(8);
    }

    /** Another server on the same stores, with settings changed by {@code change}; the caller closes it. */
    public SmtpServer start(Consumer<SmtpSettings.Builder> change) throws Exception {
        return start(change, throttle);
    }

    public SmtpServer start(Consumer<SmtpSettings.Builder> change, LoginThrottle loginThrottle) throws Exception {
        SmtpSettings.Builder builder = defaults();
        change.accept(builder);
        SmtpServer started = new SmtpServer(builder.build(), tls, directory, queue, blobs, loginThrottle, Clock.systemUTC());
        started.start();
        return started;
    }

    public SmtpServer server() {
        return server;
    }

    /** The port of the shared server's listener of this role. */
    public int port(ListenerRole role) {
        return port(server, role);
    }

    public static int port(SmtpServer server, ListenerRole role) {
        return server.listeners().stream().filter(l -> l.spec().name().equals(role.protocolName())).findFirst()
                .map(BoundListener::port).orElseThrow();
    }

    public String daveAppPassword() {
        return daveAppPassword;
    }

    /** Every entry in the queue, oldest first. */
    public List<QueueEntry> queued() {
        try {
            return queue.list(null, 0, 10_000).items();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored message of an entry, as ISO-8859-1 text (octets one to one). */
    public String content(QueueEntry entry) {
        return new String(bytes(entry), StandardCharsets.ISO_8859_1);
    }

    public byte[] bytes(QueueEntry entry) {
        try (InputStream in = blobs.open(entry.mail().blob())) {
            return in.readAllBytes();
        } catch (StoreException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void clearQueue() throws StoreException {
        for (QueueEntry entry : queued()) queue.delete(entry.id());
    }

    @Override
    public void close() throws IOException {
        server.close();
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Starts the system once per run and empties the queue before each test. */
    public static final class Extension implements BeforeEachCallback, ParameterResolver {

        private static MailSystem of(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(MailSystem.class, k -> new Resource(), Resource.class).system;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            of(context).clearQueue();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == MailSystem.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return of(context);
        }

        /** Closed by JUnit when the run ends. */
        private static final class Resource implements ExtensionContext.Store.CloseableResource {
            final MailSystem system;

            Resource() {
                try {
                    system = new MailSystem();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start the mail system", e);
                }
            }

            @Override
            public void close() throws IOException {
                system.close();
            }
        }
    }
}
