package io.tenmail.smtp.mailet;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.NodeId;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.JpaMailQueue;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.SendPolicy;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail processing end to end over the real stores, run on each database by a subclass: a mail put
 * in the queue as SMTP does comes out in mailboxes, DSNs, the outbox or the error repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailProcessingContract {
    ProcessingSystem system;

    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        system = new ProcessingSystem(settings(dir.resolve("data")), dir);
    }

    @AfterAll
    void stop() {
        if (system != null) system.close();
    }

    private static String address(Account account) {
        return account.address().toString();
    }

    @Test
    void mailToALocalUserReachesHerInboxWithAReturnPath() throws Exception {
        Account alice = system.account("alice", 0);
        system.send("sender@remote.test", address(alice));
        List<MessageMeta> inbox = system.awaitInbox(alice.id(), 1);
        assertThat(system.text(inbox.get(0))).startsWith("Return-Path: <sender@remote.test>\r\n");
        system.awaitQueueDrained();
    }

    @Test
    void aForgedReturnPathIsReplacedAtFinalDelivery() throws Exception {
        Account alice = system.account("alice", 0);
        system.send("", address(alice));   // a bounce: the null reverse path
        String text = system.text(system.awaitInbox(alice.id(), 1).get(0));
        assertThat(text).startsWith("Return-Path: <>\r\n");
        assertThat(text.indexOf("Return-Path", 1)).isNegative();
    }

    @Test
    void anAliasDeliversToItsTarget() throws Exception {
        Account bob = system.account("bob", 0);
        EmailAddress alias = new EmailAddress(ProcessingSystem.unique("sales"), "example.test");
        system.admin.createAlias(system.tenant, alias, List.of(bob.address()));
        system.send("sender@remote.test", alias.toString());
        system.awaitInbox(bob.id(), 1);
    }

    @Test
    void aGroupMailReachesEveryMemberOnceEvenWhenAMemberIsAlsoADirectRecipient() throws Exception {
        Account alice = system.account("alice", 0);
        Account bob = system.account("bob", 0);
        EmailAddress team = new EmailAddress(ProcessingSystem.unique("team"), "example.test");
        system.admin.createGroup(system.tenant, team, "Team", List.of(alice.address(), bob.address()), SendPolicy.ANYONE);
        system.send("sender@remote.test", team.toString(), address(alice));
        system.awaitInbox(alice.id(), 1);
        system.awaitInbox(bob.id(), 1);
        system.awaitQueueDrained();
        assertThat(system.inbox(alice.id())).hasSize(1);
        assertThat(system.inbox(bob.id())).hasSize(1);
    }

    @Test
    void aDomainAliasDeliversToTheAccount() throws Exception {
        Account alice = system.account("alice", 0);
        system.send("sender@remote.test", alice.address().localPart() + "@example.net");
        system.awaitInbox(alice.id(), 1);
    }

    @Test
    void theCatchAllTakesMailForUnknownLocalParts() throws Exception {
        Account catcher = system.account("catcher", 0);
        var other = system.admin.createDomain(system.tenant, ProcessingSystem.unique("catch") + ".test");
        system.admin.setCatchAll(system.tenant, other.id(), Optional.of(catcher.address()));
        system.send("sender@remote.test", "nobody-in-particular@" + other.name());
        system.awaitInbox(catcher.id(), 1);
    }

    @Test
    void aSpamVerdictFilesTheMailInJunk() throws Exception {
        Account alice = system.account("alice", 0);
        system.send("sender@remote.test", Map.of(MailAttributes.SPAM_VERDICT, MailAttributes.SPAM_VERDICT_SPAM), address(alice));
        ProcessingSystem.await(() -> junkSize(alice) == 1, "Junk to hold the message");
        assertThat(system.inbox(alice.id())).isEmpty();
    }

    private int junkSize(Account account) {
        try {
            return system.junk(account.id()).size();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void overQuotaSendsADeliveryStatusNotificationToTheSender() throws Exception {
        Account alice = system.account("alice", 0);
        Account full = system.account("full", 10);
        system.send(address(alice), address(full));
        MessageMeta dsn = system.awaitInbox(alice.id(), 1).get(0);
        assertThat(system.inbox(full.id())).isEmpty();

        MimeMessage report = parse(system.text(dsn));
        assertThat(report.getContentType()).contains("multipart/report").contains("report-type=delivery-status");
        Multipart parts = (Multipart) report.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        String status = text(parts.getBodyPart(1));
        assertThat(parts.getBodyPart(1).isMimeType("message/delivery-status")).isTrue();
        assertThat(status).contains("Reporting-MTA: dns; " + ProcessingSystem.HOST)
                .contains("Final-Recipient: rfc822; " + address(full))
                .contains("Action: failed").contains("Status: 5.2.2");
        assertThat(parts.getBodyPart(2).isMimeType("message/rfc822")).isTrue();
        assertThat(system.text(dsn)).startsWith("Return-Path: <>\r\n");
    }

    @Test
    void mailForRemoteRecipientsGoesToRemoteDelivery() throws Exception {
        Account alice = system.account("alice", 0);
        system.send(address(alice), "friend@elsewhere.test", address(alice));
        system.awaitInbox(alice.id(), 1);
        ProcessingSystem.await(() -> system.recorder.outbox.stream().anyMatch(s -> s.recipients().contains("friend@elsewhere.test")),
                "the outbox to get the remote recipient");
        assertThat(system.recorder.outbox.stream().filter(s -> s.recipients().contains("friend@elsewhere.test")).findFirst().orElseThrow()
                .recipients()).containsExactly("friend@elsewhere.test");
    }

    @Test
    void aMailetThatThrowsSendsTheMailToTheErrorRepositoryAndARetryDeliversIt() throws Exception {
        Account alice = system.account("alice", 0);
        system.recorder.failing.set(true);
        QueueEntryId id = system.send("broken@example.test", address(alice));
        ProcessingSystem.await(() -> parked(id).isPresent(), "the mail to be parked");
        QueueEntry parked = parked(id).orElseThrow();
        assertThat(parked.lastError()).hasValueSatisfying(e -> assertThat(e).contains("broken on purpose"));
        assertThat(parked.mail().recipients()).extracting(r -> r.address().toString()).containsExactly(address(alice));
        assertThat(system.inbox(alice.id())).isEmpty();

        system.recorder.failing.set(false);   // the administrator fixed it
        system.queue.retryNow(id);
        system.wakeup.signal();
        system.awaitInbox(alice.id(), 1);
    }

    @Test
    void aTemporaryStoreFailureReschedulesTheMailWithBackOffInsteadOfParkingIt() throws Exception {
        Account alice = system.account("alice", 0);
        java.time.Instant sent = java.time.Instant.now();
        QueueEntryId id = system.send("flaky@example.test", address(alice));
        ProcessingSystem.await(() -> queued(id).filter(e -> e.attempts() >= 1).isPresent(), "the mail to be rescheduled");
        QueueEntry entry = queued(id).orElseThrow();
        assertThat(entry.processor()).isEqualTo("root");
        assertThat(entry.lastError()).hasValueSatisfying(e -> assertThat(e).contains("temporary failure").contains("database is down"));
        assertThat(entry.nextAttempt()).isAfter(sent.plus(MailSpooler.FIRST_BACKOFF).minusSeconds(1));
        assertThat(parked(id)).isEmpty();
        system.queue.delete(id);
    }

    private Optional<QueueEntry> queued(QueueEntryId id) {
        try {
            return system.queue.list(null, 0, 1000).items().stream().filter(e -> e.id().equals(id)).findFirst();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<QueueEntry> parked(QueueEntryId id) {
        try {
            return system.queue.list("error", 0, 1000).items().stream().filter(e -> e.id().equals(id)).findFirst();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeferredMailResumesInTheProcessorItNamed() throws Exception {
        Account alice = system.account("alice", 0);
        QueueEntryId id = system.send("slow@example.test", address(alice));
        ProcessingSystem.await(() -> deferredIn(id, "resumed"), "the mail to wait in \"resumed\"");
        assertThat(system.inbox(alice.id())).isEmpty();
        system.awaitInbox(alice.id(), 1);
        // "deferring" saw the first pass, "resumed" the second: the container resumed where the mailet said
        assertThat(system.recorder.attempts.get(String.valueOf(id.value()))).containsExactly(0, 1);
    }

    private boolean deferredIn(QueueEntryId id, String processor) {
        try {
            return system.queue.list(processor, 0, 1000).items().stream()
                    .anyMatch(e -> e.id().equals(id) && e.lastError().orElse("").contains("test deferral"));
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aJamesStandardMailetAndMatcherWorkByTheirShortNames() throws Exception {
        Account alice = system.account("alice", 0);
        system.send("tagger@example.test", address(alice));
        String text = system.text(system.awaitInbox(alice.id(), 1).get(0));
        assertThat(text).startsWith("Return-Path: <tagger@example.test>\r\n").contains("X-Tagged: by James");
    }

    @Test
    void aPassReplayedAfterACrashDeliversNothingTwice() throws Exception {
        Account alice = system.account("alice", 0);
        Account bob = system.account("bob", 0);
        QueueEntryId id = system.send("sender@remote.test", address(alice), address(bob));
        system.awaitInbox(alice.id(), 1);
        system.awaitInbox(bob.id(), 1);
        // the same entry processed again, as after a kill between the appends and the queue update
        QueueEntry replay = new QueueEntry(id, new io.tenmail.storage.model.QueuedMail(
                blobOf(system.inbox(alice.id()).get(0)), 0, Optional.of(EmailAddress.parse("sender@remote.test")),
                List.of(io.tenmail.storage.model.QueuedRecipient.pending(alice.address()),
                        io.tenmail.storage.model.QueuedRecipient.pending(bob.address())), Map.of(), java.time.Instant.now()),
                "root", 0, java.time.Instant.now(), Optional.empty(), 1);
        try (MailetContainer container = system.container()) {
            ProcessingResult result = container.process(QueueMails.of(replay, system.blobs));
            assertThat(result.isComplete()).isTrue();
        }
        assertThat(system.inbox(alice.id())).hasSize(1);
        assertThat(system.inbox(bob.id())).hasSize(1);
    }

    @Test
    void mailThisNodeStillHeldWhenItWasKilledIsDeliveredAsSoonAsItsSpoolerStartsAgain() throws Exception {
        Account alice = system.account("alice", 0);
        Account bob = system.account("bob", 0);
        MailQueue otherNode = new JpaMailQueue(system.tx, java.time.Clock.systemUTC(), new NodeId("other-node"));
        QueueEntry[] othersEntry = new QueueEntry[1];

        system.restartSpooler(() -> {
            // as after a kill -9 between the 250 and the delivery: leased to this node for an hour,
            // far longer than this test waits
            system.queue.enqueueLeased(system.mail("sender@remote.test", Map.of(), address(alice)), java.time.Duration.ofHours(1));
            othersEntry[0] = otherNode.enqueueLeased(system.mail("sender@remote.test", Map.of(), address(bob)), java.time.Duration.ofHours(1));
        });

        system.awaitInbox(alice.id(), 1);
        // the other node's lease was neither released nor taken: its token still holds
        assertThat(system.inbox(bob.id())).isEmpty();
        otherNode.complete(othersEntry[0]);
    }

    @Test
    void aBurstOfMailBeyondWhatTheHandOffHoldsIsDeliveredOnceEach() throws Exception {
        Account alice = system.account("alice", 0);
        int mails = 40;   // ten times the hand-off of this system's spooler (2 threads x batches of 4)
        for (int i = 0; i < mails; i++) system.send("sender@remote.test", address(alice));

        system.awaitInbox(alice.id(), mails);
        system.awaitQueueDrained();
        assertThat(system.inbox(alice.id())).hasSize(mails);
    }

    private static io.tenmail.storage.model.BlobId blobOf(MessageMeta m) {
        return m.blob();
    }

    @Test
    void rcptToAMailboxAlreadyOverItsQuotaIsRefusedWith452AndMailOverSmtpIsDelivered() throws Exception {
        Account carol = system.account("carol", 0);
        try (SmtpDialogue smtp = new SmtpDialogue(system.mxPort())) {
            smtp.expect("220");
            smtp.send("EHLO client.remote.test").expectLast("250");
            smtp.send("MAIL FROM:<sender@remote.test>").expect("250");
            smtp.send("RCPT TO:<" + address(carol) + ">").expect("250");
            smtp.send("DATA").expect("354");
            smtp.send("Subject: over smtp\r\n\r\nHello.\r\n.").expect("250");
        }
        system.awaitInbox(carol.id(), 1);
        system.admin.updateAccount(system.tenant, carol.id(), new io.tenmail.storage.DirectoryAdmin.AccountChange(Optional.empty(),
                Optional.empty(), Optional.of(1L), Optional.empty(), Optional.empty()));
        try (SmtpDialogue smtp = new SmtpDialogue(system.mxPort())) {
            smtp.expect("220");
            smtp.send("EHLO client.remote.test").expectLast("250");
            smtp.send("MAIL FROM:<sender@remote.test>").expect("250");
            smtp.send("RCPT TO:<" + address(carol) + ">").expect("452 4.2.2");
        }
    }

    /** A line-by-line SMTP client for asserting reply codes. */
    static final class SmtpDialogue implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.BufferedReader in;
        private final java.io.Writer out;
        private String last;

        SmtpDialogue(int port) throws java.io.IOException {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        }

        SmtpDialogue send(String line) throws java.io.IOException {
            out.write(line + "\r\n");
            out.flush();
            return this;
        }

        /** Reads one reply line and checks its start. */
        SmtpDialogue expect(String start) throws java.io.IOException {
            last = in.readLine();
            assertThat(last).startsWith(start);
            return this;
        }

        /** Reads a multi-line reply to its last line and checks that line's start. */
        SmtpDialogue expectLast(String start) throws java.io.IOException {
            do {
                last = in.readLine();
            } while (last != null && last.length() > 3 && last.charAt(3) == '-');
            assertThat(last).startsWith(start);
            return this;
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    static MimeMessage parse(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Part part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
