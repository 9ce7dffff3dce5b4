package io.tenmail.smtp.mailet;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.BayesCounts;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier learns from users' moves at the store (the path IMAP MOVE and COPY take), and then
 * files a similar message in Junk. The test chain needs 2 trained messages of each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JunkTrainingIT {
    private ProcessingSystem system;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path chain = Path.of(JunkTrainingIT.class.getResource("/mailet/bayes-mailetcontainer.xml").toURI());
        org.eclipse.microprofile.config.Config config = new io.smallrye.config.SmallRyeConfigBuilder().withSources(
                new io.smallrye.config.PropertiesConfigSource(Map.of("tenmail.hostname", ProcessingSystem.HOST,
                        "tenmail.data.dir", dir.resolve("data").toString()), "test", 100)).build();
        system = new ProcessingSystem(TestDatabases.derby(dir.resolve("data")), dir, chain, config);
    }

    @AfterAll
    void stop() {
        if (system != null) system.close();
    }

    static String spam(int n) {
        return "Subject: Cheap pills discount pharmacy offer " + n + "\r\n\r\nBuy cheap viagra pills online, best pharmacy discount, "
                + "limited offer, click http://pills.example.invalid/buy now " + n + "\r\n";
    }

    static String ham(int n) {
        return "Subject: Project meeting agenda " + n + "\r\n\r\nHi team, the quarterly project review meeting moves to Thursday; "
                + "please bring the budget spreadsheet and the roadmap draft " + n + "\r\n";
    }

    private void deliver(Account to, String message) throws StoreException {
        byte[] bytes = ("From: someone@remote.test\r\nTo: " + to.address() + "\r\nMessage-ID: <" + System.nanoTime() + "@remote.test>\r\n"
                + message).getBytes(StandardCharsets.US_ASCII);
        var blob = system.blobs.put(new ByteArrayInputStream(bytes), bytes.length);
        system.queue.enqueue(new QueuedMail(blob.id(), blob.size(), Optional.of(EmailAddress.parse("someone@remote.test")),
                List.of(QueuedRecipient.pending(to.address())), Map.of(MailAttributes.CLIENT_ADDRESS, "192.0.2.1"), Instant.now()));
        system.wakeup.signal();
    }

    private MailboxId box(AccountId owner, SpecialUse use) throws StoreException {
        return system.mailboxes.mailbox(owner, use).orElseThrow().id();
    }

    private MailboxId inbox(AccountId owner) throws StoreException {
        return system.mailboxes.mailbox(owner, MailboxName.INBOX).orElseThrow().id();
    }

    private BayesCounts trained() {
        try {
            return system.bayesTokens.messages(system.tenant);
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void movesIntoAndOutOfJunkTrainTheTenantAndASimilarMessageThenLandsInJunk() throws Exception {
        Account alice = system.account("alice", 0);
        Account bob = system.account("bob", 0);
        for (int i = 0; i < 2; i++) deliver(alice, spam(i));
        for (int i = 0; i < 3; i++) deliver(alice, ham(i));
        List<MessageMeta> inbox = system.awaitInbox(alice.id(), 5);
        assertThat(system.junk(alice.id())).as("no training yet: nothing is judged").isEmpty();

        // alice marks the two spam messages as junk (a MOVE), and by mistake one meeting mail too
        MailboxId in = inbox(alice.id());
        MailboxId junk = box(alice.id(), SpecialUse.JUNK);
        List<UidRange> spamUids = inbox.stream().filter(m -> text(m).contains("pills")).map(m -> UidRange.of(m.uid())).toList();
        MessageMeta oneHam = inbox.stream().filter(m -> text(m).contains("meeting")).findFirst().orElseThrow();
        system.mailboxes.move(alice.id(), in, spamUids, junk);
        var mistaken = system.mailboxes.move(alice.id(), in, List.of(UidRange.of(oneHam.uid())), junk);
        ProcessingSystem.await(() -> trained().equals(new BayesCounts(3, 0)), "3 messages trained as spam");

        // she changes her mind and moves it back (ham, taking the spam back), and copies the other two meeting
        // mails out of a folder into Junk and back: a copy into Junk and out again leaves them ham
        system.mailboxes.move(alice.id(), junk, List.of(UidRange.of(mistaken.targetUids().get(0))), in);
        ProcessingSystem.await(() -> trained().equals(new BayesCounts(2, 1)), "the mistaken message to move to ham");
        List<UidRange> otherHam = system.inbox(alice.id()).stream().filter(m -> text(m).contains("meeting") && !m.uid().equals(oneHam.uid()))
                .map(m -> UidRange.of(m.uid())).toList();
        var copies = system.mailboxes.copy(alice.id(), in, otherHam, junk);
        ProcessingSystem.await(() -> trained().spam() == 3 || trained().spam() == 4, "copies into Junk to train spam");
        system.mailboxes.move(alice.id(), junk, copies.targetUids().stream().map(UidRange::of).toList(),
                in);
        ProcessingSystem.await(() -> trained().equals(new BayesCounts(2, 3)), "2 spam and 3 ham");

        // deleting spam from Junk into Trash says nothing
        List<UidRange> inJunk = system.junk(alice.id()).stream().map(m -> UidRange.of(m.uid())).toList();
        system.mailboxes.move(alice.id(), junk, inJunk, box(alice.id(), SpecialUse.TRASH));

        // a similar message to another account of the tenant is now spam; a meeting mail is not
        deliver(bob, spam(7));
        deliver(bob, ham(7));
        ProcessingSystem.await(() -> size(bob.id()) == 2, "both messages delivered to bob");
        assertThat(system.junk(bob.id())).hasSize(1);
        assertThat(text(system.junk(bob.id()).get(0))).contains("pills").contains("BAYES_SPAM");
        assertThat(text(system.inbox(bob.id()).get(0))).contains("meeting");
        assertThat(trained()).as("Trash taught nothing").isEqualTo(new BayesCounts(2, 3));
    }

    private int size(AccountId owner) {
        try {
            return system.inbox(owner).size() + system.junk(owner).size();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(MessageMeta m) {
        try {
            return system.text(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
