package io.tenmail.storage.jpa;

import io.tenmail.storage.BlobStore.StoredBlob;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.mailbox.JpaMailboxStore;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.TenantId;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2, "a message sent to a 500-member group is stored once": the group resolves to 500
 * accounts, the bytes go to the blob store once and are parsed once, and each member's INBOX gets
 * a message that shares that blob and its parsed structure. Run on each database by a subclass.
 */
abstract class GroupDeliveryContract {
    static final int MEMBERS = 500;
    /** Account creation is not what is measured here: the cheapest Argon2id the hasher accepts. */
    private static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Parameters(8, 1, 1));

    @TempDir
    Path dataDir;

    Database database;
    Transactions tx;
    JpaDirectoryAdmin admin;
    JpaDirectory directory;
    MailboxStore store;
    FileBlobStore blobs;
    RowCounter rows;

    /** The database to test on; may skip the class with an assumption. */
    abstract StorageSettings settings(Path dataDir);

    @BeforeEach
    void open() {
        database = new Database(settings(dataDir));
        tx = new Transactions(database.entityManagerFactory());
        admin = new JpaDirectoryAdmin(tx, CHEAP, Clock.systemUTC(), TestDkimKeys.SHARED);
        directory = new JpaDirectory(tx);
        store = new JpaMailboxStore(tx, new InMemoryMailboxEvents(), directory);
        blobs = new FileBlobStore(dataDir.resolve("blobs"));
        rows = new RowCounter(database);
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aMessageToA500MemberGroupIsStoredAndParsedOnce() throws Exception {
        TenantId tenant = admin.createTenant("big", 0, 0).id();
        admin.createDomain(tenant, "example.test");
        List<EmailAddress> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(admin.createAccount(tenant, EmailAddress.parse("m" + i + "@example.test"), "Member " + i, "secret", 0).address());
        }
        // a nested group repeating half of the members: resolution must not deliver twice
        EmailAddress half = EmailAddress.parse("half@example.test");
        admin.createGroup(tenant, half, "Half", members.subList(0, MEMBERS / 2), SendPolicy.ANYONE);
        List<EmailAddress> all = new ArrayList<>(members);
        all.add(half);
        EmailAddress everyone = EmailAddress.parse("everyone@example.test");
        admin.createGroup(tenant, everyone, "Everyone", all, SendPolicy.ANYONE);

        Resolution resolution = directory.resolve(everyone);
        assertThat(resolution.kind()).isEqualTo(Resolution.Kind.LOCAL);
        assertThat(resolution.accounts()).hasSize(MEMBERS);
        assertThat(resolution.external()).isEmpty();

        byte[] bytes = ("From: boss@example.test\r\nTo: everyone@example.test\r\nSubject: all hands\r\n"
                + "Message-ID: <all-hands@example.test>\r\n\r\n" + "Meeting at ten.\r\n".repeat(600))
                .getBytes(StandardCharsets.US_ASCII);
        StoredBlob blob = blobs.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        ParsedMessage parsed;
        try (var in = blobs.open(blob.id())) {
            parsed = new MessageParser().parse(in);
        }
        NewMessage message = new NewMessage(blob.id(), blob.size(), parsed, Flags.NONE, Instant.now());
        for (AccountId account : resolution.accounts()) {
            store.ensureDefaultMailboxes(account);
            MailboxId inbox = store.mailbox(account, MailboxName.INBOX).orElseThrow().id();
            store.append(account, inbox, message);
        }

        assertThat(rows.count("MAILBOX_MESSAGE", "BLOB_ID = ?1", blob.id().hex())).isEqualTo(MEMBERS);
        assertThat(rows.count("MAILBOX_MESSAGE", "")).isEqualTo(MEMBERS);
        assertThat(rows.count("PARSED_MESSAGE", "")).isEqualTo(1);
        assertThat(blobFiles()).isEqualTo(1);
        try (Stream<?> stored = blobs.storedBefore(Instant.now().plusSeconds(3600))) {
            assertThat(stored.count()).isEqualTo(1);
        }
        for (AccountId account : List.copyOf(resolution.accounts()).subList(0, 3)) {
            MailboxId inbox = store.mailbox(account, MailboxName.INBOX).orElseThrow().id();
            assertThat(store.messages(account, inbox, List.of(UidRange.ALL)))
                    .singleElement().satisfies(m -> assertThat(m.blob()).isEqualTo(blob.id()));
        }
    }

    /** Regular files under the blob store's directory: the stored blobs and any temporary leftovers. */
    private long blobFiles() throws Exception {
        try (Stream<Path> files = Files.walk(blobs.root())) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
