package io.tenmail.storage.index;

import io.tenmail.storage.MessageIndex.Field;
import io.tenmail.storage.MessageIndex.Hits;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.jpa.mailbox.JpaMailboxStore;
import io.tenmail.storage.jpa.mailbox.MailboxOwners;
import io.tenmail.storage.jpa.mailbox.TestDirectory;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full-text index against the real store: what it finds, that it stays within an account's
 * mailbox, that it follows expunges, and that it catches up (or rebuilds) when opened again.
 * Runs on Derby ({@code DerbyMessageIndexIT}) and PostgreSQL ({@code PostgresMessageIndexIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageIndexContract {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final MessageParser parser = new MessageParser();
    private Database database;
    private Transactions tx;
    private TestDirectory directory;
    private JpaMailboxStore store;
    private FileBlobStore blobs;
    private InMemoryMailboxEvents events;
    private Path indexDir;
    private LuceneMessageIndex index;

    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void openStore(@TempDir Path dataDir) {
        database = new Database(settings(dataDir));
        tx = new Transactions(database.entityManagerFactory());
        directory = new TestDirectory(tx);
        events = new InMemoryMailboxEvents();
        store = new JpaMailboxStore(tx, events, directory);
        blobs = new FileBlobStore(dataDir.resolve("blobs"));
    }

    @AfterAll
    void closeStore() {
        if (database != null) database.close();
    }

    @BeforeEach
    void openIndex(@TempDir Path dir) throws IOException {
        indexDir = dir.resolve("index");
        index = newIndex();
        index.open(indexDir, 1000, Duration.ofHours(1));
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private LuceneMessageIndex newIndex() {
        return new LuceneMessageIndex(store, blobs, events, () -> {
            try {
                return MailboxOwners.all(tx);
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private MailboxId inbox(AccountId owner) throws StoreException {
        store.ensureDefaultMailboxes(owner);
        return store.mailbox(owner, MailboxName.INBOX).orElseThrow().id();
    }

    private AppendResult deliver(AccountId owner, MailboxId mailbox, String message) throws Exception {
        byte[] bytes = message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        var stored = blobs.put(new ByteArrayInputStream(bytes), 10_000_000);
        return store.append(owner, mailbox, new NewMessage(stored.id(), stored.size(),
                parser.parse(new ByteArrayInputStream(bytes)), Flags.NONE, Instant.now()));
    }

    private static String plain(String subject, String body) {
        return "From: Alice Example <alice@example.test>\nTo: bob@example.test\nSubject: " + subject
                + "\nMessage-ID: <" + System.nanoTime() + "@example.test>\n\n" + body + "\n";
    }

    private Hits search(AccountId owner, MailboxId mailbox, Field field, String text) throws Exception {
        return index.search(owner, mailbox, field, text).orElseThrow();
    }

    private void caughtUp() throws InterruptedException {
        index.awaitCaughtUp(WAIT);
    }

    @Test
    void aDeliveredMessageIsFoundByBodySubjectSenderAndTextAsASubstringInAnyCase() throws Exception {
        AccountId owner = directory.add(0);
        MailboxId inbox = inbox(owner);
        AppendResult hit = deliver(owner, inbox, plain("Quarterly report", "The invoice   number is\n  INV-20931 for March."));
        deliver(owner, inbox, plain("Lunch", "Shall we meet at noon?"));
        caughtUp();

        long uid = hit.uid().value();
        assertThat(search(owner, inbox, Field.BODY, "invoice number is inv-209").uids()).containsExactly(uid);
        assertThat(search(owner, inbox, Field.BODY, "VOICE").uids()).containsExactly(uid);
        assertThat(search(owner, inbox, Field.SUBJECT, "erly rep").uids()).containsExactly(uid);
        assertThat(search(owner, inbox, Field.FROM, "alice example").uids()).hasSize(2);
        assertThat(search(owner, inbox, Field.TEXT, "quarterly").uids()).containsExactly(uid);
        assertThat(search(owner, inbox, Field.TEXT, "march").uids()).containsExactly(uid);
        assertThat(search(owner, inbox, Field.BODY, "quarterly").uids()).isEmpty();
        Hits none = search(owner, inbox, Field.BODY, "nowhere to be found");
        assertThat(none.uids()).isEmpty();
        assertThat(none.covers(uid + 1)).isTrue();
        assertThat(none.covers(uid + 2)).isFalse();
    }

    @Test
    void chineseMailIsFoundByAWordInsideASentenceInEveryEncoding() throws Exception {
        AccountId owner = directory.add(0);
        MailboxId inbox = inbox(owner);
        String text = "各位同事：我们明天下午三点开会，讨论项目预算和上线计划。";
        String b64 = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        AppendResult utf8 = deliver(owner, inbox, "From: a@example.test\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("项目会议通知".getBytes(StandardCharsets.UTF_8)) + "?=\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n" + b64);
        String gb = Base64.getMimeEncoder().encodeToString(text.getBytes(Charset.forName("GB18030")));
        AppendResult gbk = deliver(owner, inbox, "From: b@example.test\nSubject: hello\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/alternative; boundary=b1\n\n--b1\nContent-Type: text/plain; charset=GB2312\n"
                + "Content-Transfer-Encoding: base64\n\n" + gb + "\n--b1--\n");
        deliver(owner, inbox, plain("other", "预计明天有雨"));
        caughtUp();

        assertThat(search(owner, inbox, Field.BODY, "项目预算").uids()).containsExactly(utf8.uid().value(), gbk.uid().value());
        assertThat(search(owner, inbox, Field.SUBJECT, "会议").uids()).containsExactly(utf8.uid().value());
        assertThat(search(owner, inbox, Field.TEXT, "上线计划").uids()).containsExactly(utf8.uid().value(), gbk.uid().value());
        assertThat(search(owner, inbox, Field.BODY, "明天").uids()).hasSize(3);
        assertThat(index.search(owner, inbox, Field.BODY, "雨")).as("one character has no pair to look up").isEmpty();
    }

    @Test
    void anotherAccountsMailboxHasNoHits() throws Exception {
        AccountId alice = directory.add(0);
        AccountId mallory = directory.add(0);
        MailboxId aliceInbox = inbox(alice);
        MailboxId malloryInbox = inbox(mallory);
        deliver(alice, aliceInbox, plain("secret", "the launch code is tangerine"));
        deliver(mallory, malloryInbox, plain("mine", "tangerine is a colour"));
        caughtUp();

        assertThat(search(alice, aliceInbox, Field.BODY, "tangerine").uids()).containsExactly(1L);
        assertThat(search(mallory, aliceInbox, Field.BODY, "tangerine").uids()).isEmpty();
        assertThat(search(mallory, aliceInbox, Field.BODY, "tangerine").completeUpTo()).isZero();
        assertThat(search(mallory, malloryInbox, Field.BODY, "launch code").uids()).isEmpty();
    }

    @Test
    void expungedMessagesAndDeletedMailboxesLeaveTheIndex() throws Exception {
        AccountId owner = directory.add(0);
        MailboxId inbox = inbox(owner);
        MailboxId folder = store.createMailbox(owner, new MailboxName("Projects"), Optional.empty()).id();
        deliver(owner, inbox, plain("a", "pineapple one"));
        deliver(owner, inbox, plain("b", "pineapple two"));
        deliver(owner, folder, plain("c", "pineapple three"));
        caughtUp();
        assertThat(search(owner, inbox, Field.BODY, "pineapple").uids()).containsExactly(1L, 2L);

        store.storeFlags(owner, inbox, List.of(new UidRange(1, 1)), FlagUpdate.ADD, Flags.of(Flags.SystemFlag.DELETED), Optional.empty());
        store.expunge(owner, inbox, Optional.empty());
        store.deleteMailbox(owner, new MailboxName("Projects"));
        caughtUp();

        assertThat(search(owner, inbox, Field.BODY, "pineapple").uids()).containsExactly(2L);
        assertThat(search(owner, folder, Field.BODY, "pineapple").uids()).isEmpty();
    }

    @Test
    void bodyTextBeyondTheCapIsNotIndexed() throws Exception {
        AccountId owner = directory.add(0);
        MailboxId inbox = inbox(owner);
        deliver(owner, inbox, plain("long", "x".repeat(1200) + " needle-after-the-cap"));
        deliver(owner, inbox, plain("short", "needle-after-the-cap early"));
        caughtUp();
        assertThat(search(owner, inbox, Field.BODY, "needle-after").uids()).containsExactly(2L);
    }

    @Test
    void messagesDeliveredWhileClosedAreIndexedWhenOpenedAgain() throws Exception {
        AccountId owner = directory.add(0);
        MailboxId inbox = inbox(owner);
        deliver(owner, inbox, plain("before", "apricot before"));
        caughtUp();
        index.close();

        deliver(owner, inbox, plain("while closed", "apricot while closed"));
        index = newIndex();
        index.open(indexDir, 1000, Duration.ofHours(1));
        caughtUp();

        Hits hits = search(owner, inbox, Field.BODY, "apricot");
        assertThat(hits.uids()).containsExactly(1L, 2L);
        assertThat(hits.completeUpTo()).isEqualTo(2);
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheStore() throws Exception {
        AccountId owner = directory.add(0);
        MailboxId inbox = inbox(owner);
        deliver(owner, inbox, plain("x", "blueberry muffins"));
        caughtUp();
        index.close();
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) Files.write(f, new byte[] {1, 2, 3});
            }
        }

        index = newIndex();
        index.open(indexDir, 1000, Duration.ofHours(1));
        caughtUp();

        assertThat(search(owner, inbox, Field.BODY, "blueberry").uids()).containsExactly(1L);
    }

    @Test
    void aClosedIndexDoesNotAnswer() throws Exception {
        AccountId owner = directory.add(0);
        MailboxId inbox = inbox(owner);
        index.close();
        assertThat(index.search(owner, inbox, Field.BODY, "anything")).isEmpty();
    }
}
