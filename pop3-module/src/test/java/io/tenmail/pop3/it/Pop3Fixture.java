package io.tenmail.pop3.it;

import io.tenmail.pop3.Pop3Server;
import io.tenmail.pop3.Pop3Settings;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.tls.TlsContextFactory;
import io.tenmail.protocol.tls.TlsMaterial;
import io.tenmail.protocol.tls.TlsSettings;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaDirectory;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.jpa.mailbox.JpaMailboxStore;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.Tenant;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real stores on embedded Derby in a temporary directory, a self-signed certificate, and
 * POP3 servers on free loopback ports. Every test makes accounts of its own ({@link #account}),
 * so one fixture serves a whole class and tests may run in any order.
 */
final class Pop3Fixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final long MAX_MESSAGE_BYTES = 100L * 1024 * 1024;
    private static final AtomicInteger NAMES = new AtomicInteger();

    final Database database;
    final JpaDirectory directory;
    final JpaDirectoryAdmin admin;
    final JpaMailboxStore store;
    final FileBlobStore blobs;
    final SSLContext serverTls;
    final SSLContext clientTls;
    final Tenant tenant;
    final Domain domain;
    private final MessageParser parser = new MessageParser();
    private final List<Pop3Server> servers = new ArrayList<>();

    Pop3Fixture(Path dataDir) throws Exception {
        database = new Database(TestDatabases.derby(dataDir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        directory = new JpaDirectory(tx);
        admin = new JpaDirectoryAdmin(tx, PasswordHasher.owaspMinimum(), Clock.systemUTC(), TestDkimKeys.SHARED);
        store = new JpaMailboxStore(tx, new InMemoryMailboxEvents(), directory);
        blobs = new FileBlobStore(dataDir.resolve("blobs"));
        TlsMaterial material = TlsMaterial.load(TlsSettings.selfSigned("localhost", dataDir), Clock.systemUTC());
        serverTls = TlsContextFactory.serverContext(material);
        clientTls = trusting(material);
        tenant = admin.createTenant("POP3 tests " + System.nanoTime(), 0, 0);
        domain = admin.createDomain(tenant.id(), "pop3-" + System.nanoTime() + ".test");
    }

    /** A client context that trusts exactly the server's self-signed certificate. */
    private static SSLContext trusting(TlsMaterial material) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", material.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Throttling that never gets in the way of tests that fail logins on purpose. */
    static LoginThrottle lenientThrottle() {
        LoginThrottle.Policy lenient = new LoginThrottle.Policy(10_000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        return new LoginThrottle(lenient, lenient, 1000, Clock.systemUTC());
    }

    /** Loopback, free ports, plain text allowed on loopback, INBOX only. */
    static Pop3Settings settings() {
        return Pop3Settings.defaults("127.0.0.1", 0, 0);
    }

    Pop3Server start(Pop3Settings settings) throws Exception {
        return start(settings, lenientThrottle());
    }

    Pop3Server start(Pop3Settings settings, LoginThrottle throttle) throws Exception {
        Pop3Server server = new Pop3Server(settings, directory, store, blobs, serverTls, throttle);
        servers.add(server);
        server.start();
        return server;
    }

    static int port(Pop3Server server) {
        return server.listeners().get(0).port();
    }

    static int tlsPort(Pop3Server server) {
        return server.listeners().get(1).port();
    }

    /** A new account with {@link #PASSWORD} and its default mailboxes. */
    Account account(String prefix) throws StoreException {
        Account account = admin.createAccount(tenant.id(), new EmailAddress(prefix + NAMES.incrementAndGet(), domain.name()),
                prefix, PASSWORD, 0);
        store.ensureDefaultMailboxes(account.id());
        return account;
    }

    AppendResult deliver(Account account, String message) throws StoreException {
        return deliver(account, store.mailbox(account.id(), MailboxName.INBOX).orElseThrow().id(), message.getBytes(StandardCharsets.UTF_8));
    }

    AppendResult deliverToJunk(Account account, String message) throws StoreException {
        return deliver(account, store.mailbox(account.id(), SpecialUse.JUNK).orElseThrow().id(), message.getBytes(StandardCharsets.UTF_8));
    }

    AppendResult deliver(Account account, MailboxId mailbox, byte[] message) throws StoreException {
        // a bounded limit: FileBlobStore.put overflows on Long.MAX_VALUE (maxBytes + 1) and spins
        BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(message), MAX_MESSAGE_BYTES);
        try {
            return store.append(account.id(), mailbox, new NewMessage(blob.id(), blob.size(),
                    parser.parse(new ByteArrayInputStream(message)), Flags.NONE, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int inboxCount(Account account) throws StoreException {
        return (int) store.mailbox(account.id(), MailboxName.INBOX).orElseThrow().messages();
    }

    static String message(String subject, String body) {
        return "From: sender@example.test\r\nTo: user@example.test\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + subject.replace(' ', '-') + "-" + System.nanoTime() + "@example.test>\r\n\r\n" + body;
    }

    @Override
    public void close() {
        for (Pop3Server server : servers) server.close();
        database.close();
    }
}
