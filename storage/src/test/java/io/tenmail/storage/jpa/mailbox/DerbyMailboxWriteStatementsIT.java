package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.SqlStatements;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.DeliveryKey;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many SQL statements the mailbox store's write paths send (ADR 0021): a count, not a timing,
 * shows that local delivery, APPEND, STORE and EXPUNGE stay short transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DerbyMailboxWriteStatementsIT {
    private final MessageParser parser = new MessageParser();
    private Database database;
    private TestDirectory directory;
    private MailboxStore store;

    @BeforeAll
    void openStore(@TempDir Path dataDir) {
        database = new Database(TestDatabases.derby(dataDir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        directory = new TestDirectory(tx);
        store = new JpaMailboxStore(tx, new RecordingMailboxEvents(), directory);
    }

    @AfterAll
    void closeStore() {
        if (database != null) database.close();
    }

    private MailboxId inboxWithOneMessage(AccountId owner) throws StoreException {
        store.ensureDefaultMailboxes(owner);
        MailboxId inbox = store.mailbox(owner, MailboxName.INBOX).orElseThrow().id();
        store.append(owner, inbox, message());   // the account's usage row exists, the quota limit is known
        return inbox;
    }

    private List<String> statementsOf(StoreCall call) throws StoreException {
        try (SqlStatements sql = SqlStatements.counting()) {
            call.run();
            return sql.executed();
        }
    }

    @FunctionalInterface
    private interface StoreCall {
        void run() throws StoreException;
    }

    @Test
    void aLocalDeliveryOfANewMessageIsSixStatements() throws StoreException {
        AccountId owner = directory.add(1_000_000);
        MailboxId inbox = inboxWithOneMessage(owner);
        NewMessage m = message();
        List<String> statements = statementsOf(() -> store.deliver(owner, inbox, m, new DeliveryKey("q1:a" + owner.value())));
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void anAppendOfABlobAlreadyStoredIsFiveStatements() throws StoreException {
        AccountId owner = directory.add(0);
        MailboxId inbox = inboxWithOneMessage(owner);
        NewMessage m = message();
        store.append(owner, inbox, m);
        List<String> statements = statementsOf(() -> store.append(owner, inbox, m));
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void storingAFlagOnOneMessageIsFourStatements() throws StoreException {
        AccountId owner = directory.add(0);
        MailboxId inbox = inboxWithOneMessage(owner);
        List<String> statements = statementsOf(() -> store.storeFlags(owner, inbox, List.of(new UidRange(1, 1)), FlagUpdate.ADD,
                Flags.of(SystemFlag.SEEN), Optional.empty()));
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aStoreThatChangesNothingIsTwoStatements() throws StoreException {
        AccountId owner = directory.add(0);
        MailboxId inbox = inboxWithOneMessage(owner);
        List<String> statements = statementsOf(() -> store.storeFlags(owner, inbox, List.of(new UidRange(1, 1)), FlagUpdate.REMOVE,
                Flags.of(SystemFlag.SEEN), Optional.empty()));
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void expungingOneDeletedMessageIsSevenStatementsAndNothingToExpungeIsTwo() throws StoreException {
        AccountId owner = directory.add(0);
        MailboxId inbox = inboxWithOneMessage(owner);
        List<String> idle = statementsOf(() -> store.expunge(owner, inbox, Optional.empty()));
        assertThat(idle).as(String.join("\n", idle)).hasSizeLessThanOrEqualTo(2);
        store.storeFlags(owner, inbox, List.of(new UidRange(1, 1)), FlagUpdate.ADD, Flags.of(SystemFlag.DELETED), Optional.empty());
        List<String> statements = statementsOf(() -> store.expunge(owner, inbox, Optional.empty()));
        assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(7);
    }

    private NewMessage message() {
        byte[] bytes = ("From: a@example.test\r\nSubject: count\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.test>\r\n\r\nHello\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            return new NewMessage(new BlobId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))),
                    bytes.length, parser.parse(new ByteArrayInputStream(bytes)), Flags.NONE, Instant.parse("2025-01-06T10:00:00Z"));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
