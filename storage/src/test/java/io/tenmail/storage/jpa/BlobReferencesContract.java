package io.tenmail.storage.jpa;

import io.tenmail.storage.BlobStore.StoredBlob;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.blob.BlobSweeper;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.mailbox.JpaMailboxStore;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import io.tenmail.storage.model.TenantId;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JpaBlobReferences} on each database (a subclass says which), and the blob sweep end to
 * end over the file blob store, the mailbox store and the mail queue.
 */
abstract class BlobReferencesContract {
    static final Duration GRACE = Duration.ofHours(1);
    private static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Parameters(8, 1, 1));

    @TempDir
    Path dataDir;

    Database database;
    TestClock clock;
    FileBlobStore blobs;
    JpaBlobReferences references;
    JpaMailQueue queue;
    MailboxStore store;
    RowCounter rows;
    Account alice;
    MailboxId inbox;
    private final MessageParser parser = new MessageParser();

    /** The database to test on; may skip the class with an assumption. */
    abstract StorageSettings settings(Path dataDir);

    @BeforeEach
    void open() throws StoreException {
        database = new Database(settings(dataDir));
        clock = TestClock.atSomeMoment();
        Transactions tx = new Transactions(database.entityManagerFactory());
        blobs = new FileBlobStore(dataDir.resolve("blobs"), clock);
        references = new JpaBlobReferences(tx);
        queue = new JpaMailQueue(tx, clock);
        store = new JpaMailboxStore(tx, new InMemoryMailboxEvents(), new JpaDirectory(tx));
        rows = new RowCounter(database);
        JpaDirectoryAdmin admin = new JpaDirectoryAdmin(tx, CHEAP, Clock.systemUTC(), TestDkimKeys.SHARED);
        TenantId tenant = admin.createTenant("t", 0, 0).id();
        admin.createDomain(tenant, "example.test");
        alice = admin.createAccount(tenant, EmailAddress.parse("alice@example.test"), "Alice", "secret", 0);
        store.ensureDefaultMailboxes(alice.id());
        inbox = store.mailbox(alice.id(), MailboxName.INBOX).orElseThrow().id();
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @Test
    void aBlobIsReferencedByAMessageOrAQueueEntryAndByNothingElse() throws Exception {
        BlobId inMailbox = deliver(put("in a mailbox"), Flags.NONE);
        BlobId queued = enqueue(put("queued"));
        BlobId loose = put("loose");

        assertThat(references.referenced(List.of(inMailbox, queued, loose))).containsExactlyInAnyOrder(inMailbox, queued);
        assertThat(references.referenced(List.of())).isEmpty();
    }

    @Test
    void batchesLargerThanOneInListAreAnsweredWhole() throws Exception {
        BlobId referenced = deliver(put("referenced"), Flags.NONE);
        List<BlobId> candidates = new ArrayList<>();
        for (int i = 0; i < JpaBlobReferences.IN_LIST * 2 + 7; i++) candidates.add(new BlobId(String.format("%064x", i)));
        candidates.add(referenced);

        assertThat(references.referenced(candidates)).containsExactly(referenced);
    }

    @Test
    void theSweepDeletesOnlyOldBlobsThatNothingReferences() throws Exception {
        BlobId inMailbox = deliver(put("in a mailbox"), Flags.NONE);
        BlobId queued = enqueue(put("queued"));
        BlobId loose = put("loose");
        BlobId expunged = deliver(put("expunged"), Flags.of(SystemFlag.DELETED));
        store.expunge(alice.id(), inbox, Optional.empty());
        clock.advance(GRACE.plusMinutes(1));
        BlobId young = put("young and loose");

        BlobSweeper.Result result = new BlobSweeper(blobs, references, GRACE, clock, 2).sweep();

        assertThat(result.deleted()).isEqualTo(2);
        assertThat(blobs.exists(inMailbox)).isTrue();
        assertThat(blobs.exists(queued)).isTrue();
        assertThat(blobs.exists(young)).isTrue();
        assertThat(blobs.exists(loose)).isFalse();
        assertThat(blobs.exists(expunged)).isFalse();
        // the parsed structure of the expunged message went with its blob; the delivered one stays
        assertThat(rows.count("PARSED_MESSAGE", "BLOB_ID = ?1", expunged.hex())).isZero();
        assertThat(rows.count("PARSED_MESSAGE", "BLOB_ID = ?1", inMailbox.hex())).isEqualTo(1);
    }

    @Test
    void aSweptMessageDeliveredAgainGetsItsStructureBack() throws Exception {
        byte[] bytes = message("again");
        BlobId first = deliver(blobs.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE).id(), Flags.of(SystemFlag.DELETED));
        store.expunge(alice.id(), inbox, Optional.empty());
        clock.advance(GRACE.plusMinutes(1));
        assertThat(new BlobSweeper(blobs, references, GRACE, clock, 10).sweep().deleted()).isEqualTo(1);

        BlobId second = deliver(blobs.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE).id(), Flags.NONE);

        assertThat(second).isEqualTo(first);
        assertThat(rows.count("PARSED_MESSAGE", "BLOB_ID = ?1", second.hex())).isEqualTo(1);
        assertThat(store.messages(alice.id(), inbox, List.of(UidRange.ALL))).hasSize(1);
    }

    private BlobId put(String subject) throws StoreException {
        StoredBlob stored = blobs.put(new ByteArrayInputStream(message(subject)), Long.MAX_VALUE);
        return stored.id();
    }

    private static byte[] message(String subject) {
        return ("From: a@example.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.test>\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private BlobId deliver(BlobId blob, Flags flags) throws StoreException, IOException {
        long size = blobs.size(blob);
        try (var in = blobs.open(blob)) {
            store.append(alice.id(), inbox, new NewMessage(blob, size, parser.parse(in), flags, clock.instant()));
        }
        return blob;
    }

    private BlobId enqueue(BlobId blob) throws StoreException {
        queue.enqueue(new QueuedMail(blob, blobs.size(blob), Optional.of(EmailAddress.parse("a@example.test")),
                List.of(QueuedRecipient.pending(EmailAddress.parse("bob@remote.test"))), Map.of(), clock.instant()));
        return blob;
    }
}
