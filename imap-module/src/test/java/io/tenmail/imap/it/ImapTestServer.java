package io.tenmail.imap.it;

import io.tenmail.imap.ImapServer;
import io.tenmail.imap.ImapSettings;
import io.tenmail.imap.command.ImapBackend;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.protocol.tls.TlsContextFactory;
import io.tenmail.protocol.tls.TlsMaterial;
import io.tenmail.protocol.tls.TlsSettings;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.index.LuceneMessageIndex;
import io.tenmail.storage.jpa.mailbox.MailboxOwners;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaDirectory;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.jpa.mailbox.JpaMailboxStore;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.TenantId;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real IMAP server on free loopback ports over the real stores: Derby and blob files in a
 * temporary directory, in-memory change events, a self-signed certificate that {@link #clientTls()}
 * trusts. One per test class; accounts are made per test.
 */
final class ImapTestServer implements AutoCloseable {
    static final String PASSWORD = "Correct-Horse-42";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    final Database database;
    final JpaMailboxStore store;
    final JpaDirectoryAdmin admin;
    final BlobStore blobs;
    final InMemoryMailboxEvents events;
    final LuceneMessageIndex index;
    final ImapServer server;
    final TlsMaterial material;
    private final TenantId tenant;

    ImapTestServer(Path dir) throws Exception {
        this(dir, ImapSettings.forTests());
    }

    ImapTestServer(Path dir, ImapSettings settings) throws Exception {
        database = new Database(TestDatabases.derby(dir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        JpaDirectory directory = new JpaDirectory(tx);
        admin = new JpaDirectoryAdmin(tx, PasswordHasher.owaspMinimum(), Clock.systemUTC(), TestDkimKeys.SHARED);
        events = new InMemoryMailboxEvents();
        store = new JpaMailboxStore(tx, events, directory);
        blobs = new FileBlobStore(dir.resolve("blobs"));
        material = TlsMaterial.load(TlsSettings.selfSigned("localhost", dir), Clock.systemUTC());
        SSLContext tls = TlsContextFactory.serverContext(material);
        index = new LuceneMessageIndex(store, blobs, events, () -> {
            try {
                return MailboxOwners.all(tx);
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
        index.open(dir.resolve("index"), LuceneMessageIndex.DEFAULT_MAX_TEXT_CHARS, Duration.ofHours(1));
        ImapBackend backend = new ImapBackend(directory, store, blobs, events, new MessageParser(),
                LoginThrottle.withDefaults(), Clock.systemUTC(), index);
        server = new ImapServer(settings, backend, tls);
        server.start();
        tenant = admin.createTenant("tenant", 0, 0).id();
        admin.createDomain(tenant, "example.test");
    }

    int imapPort() {
        return server.port("imap");
    }

    int imapsPort() {
        return server.port("imaps");
    }

    /** A new account with the default mailboxes. */
    Account account(String prefix) throws Exception {
        String local = prefix + ACCOUNTS.incrementAndGet();
        Account a = admin.createAccount(tenant, EmailAddress.parse(local + "@example.test"), local, PASSWORD, 0);
        store.ensureDefaultMailboxes(a.id());
        return a;
    }

    Account account(String prefix, long quotaBytes) throws Exception {
        Account a = account(prefix);
        return admin.updateAccount(tenant, a.id(), new DirectoryAdmin.AccountChange(java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(quotaBytes), java.util.Optional.empty(), java.util.Optional.empty()));
    }

    TenantId tenant() {
        return tenant;
    }

    /** Delivers a message into a mailbox the way local delivery does: blob, parse once, append. */
    void deliver(Account to, String mailbox, String message) throws Exception {
        byte[] bytes = message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(bytes), 1 << 20);
        var parsed = new MessageParser().parse(new ByteArrayInputStream(bytes));
        var box = store.mailbox(to.id(), new MailboxName(mailbox)).orElseThrow();
        store.append(to.id(), box.id(), new NewMessage(blob.id(), blob.size(), parsed, Flags.NONE, Instant.now()));
    }

    /** A client context that trusts the server's certificate. */
    SSLContext clientTls() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", material.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Override
    public void close() {
        server.close();
        index.close();
        database.close();
    }
}
