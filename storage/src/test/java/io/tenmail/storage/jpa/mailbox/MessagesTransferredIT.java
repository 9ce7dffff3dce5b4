package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.CopyResult;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessagesTransferred;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The store tells observers about every committed copy and move (the spam filter trains from them). */
class MessagesTransferredIT {
    @TempDir
    Path dir;
    private Database database;
    private MailboxStore store;
    private TestDirectory directory;
    private final List<MessagesTransferred> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        database = new Database(TestDatabases.derby(dir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        directory = new TestDirectory(tx);
        store = new JpaMailboxStore(tx, new InMemoryMailboxEvents(), directory, heard::add);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aMoveAndACopyAreEachToldOnceWithTheUidsInTheTarget() throws Exception {
        AccountId owner = directory.add(0);
        store.ensureDefaultMailboxes(owner);
        MailboxId inbox = store.mailbox(owner, MailboxName.INBOX).orElseThrow().id();
        MailboxId junk = store.mailbox(owner, SpecialUse.JUNK).orElseThrow().id();
        byte[] bytes = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        NewMessage m = new NewMessage(MailboxStoreContract.blobOf(bytes), bytes.length,
                new MessageParser().parse(new ByteArrayInputStream(bytes)), Flags.NONE, Instant.now());
        long uid = store.append(owner, inbox, m).uid().value();

        CopyResult moved = store.move(owner, inbox, List.of(UidRange.of(new io.tenmail.storage.model.Uid(uid))), junk);
        CopyResult copied = store.copy(owner, junk, List.of(UidRange.of(moved.targetUids().get(0))), inbox);
        store.move(owner, inbox, List.of(new UidRange(999, 999)), junk);   // nothing moved: nothing told

        assertThat(heard).containsExactly(
                new MessagesTransferred(owner, inbox, junk, moved.targetUids(), true),
                new MessagesTransferred(owner, junk, inbox, copied.targetUids(), false));
    }
}
