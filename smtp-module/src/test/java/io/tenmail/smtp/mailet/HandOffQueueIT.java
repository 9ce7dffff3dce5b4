package io.tenmail.smtp.mailet;

import io.tenmail.storage.NodeId;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaMailQueue;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SMTP intake's queue on embedded Derby: what is handed to the spooler in memory, and what is left to a lease. */
class HandOffQueueIT {
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    Database database;
    JpaMailQueue queue;
    HandOffQueue intake;

    @BeforeEach
    void open() {
        database = new Database(TestDatabases.derby(dir));
        queue = new JpaMailQueue(new Transactions(database.entityManagerFactory()), Clock.systemUTC(), new NodeId("this-node"));
        intake = new HandOffQueue(queue, 2, LEASE, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static QueuedMail mail() {
        return new QueuedMail(new BlobId("b".repeat(64)), 100, Optional.of(EmailAddress.parse("sender@example.test")),
                List.of(QueuedRecipient.pending(EmailAddress.parse("rcpt@example.test"))), Map.of("tenmail.helo", "client.test"),
                Instant.now());
    }

    @Test
    void aMailQueuedWhileTheSpoolerRunsIsHandedToItAlreadyLeased() throws Exception {
        intake.open();

        QueueEntryId id = intake.enqueue(mail());

        Optional<HandOffQueue.Handed> handed = intake.take();
        assertThat(handed).hasValueSatisfying(h -> assertThat(h.entry().id()).isEqualTo(id));
        assertThat(queue.lease(10, LEASE)).as("nobody leases a handed-off entry").isEmpty();
        queue.complete(handed.orElseThrow().entry());
        assertThat(queue.size()).isZero();
    }

    @Test
    void aMailQueuedWhileTheHandOffIsFullIsLeftForAnyWorkerToLease() throws Exception {
        intake.open();
        intake.enqueue(mail());
        intake.enqueue(mail());

        QueueEntryId overflow = intake.enqueue(mail());

        assertThat(intake.waiting()).isEqualTo(2);
        assertThat(queue.lease(10, LEASE)).extracting(QueueEntry::id).containsExactly(overflow);
    }

    @Test
    void takingAnEntryMakesRoomForTheNextHandOff() throws Exception {
        intake.open();
        intake.enqueue(mail());
        intake.enqueue(mail());
        intake.take();

        intake.enqueue(mail());

        assertThat(intake.waiting()).isEqualTo(2);
        assertThat(queue.lease(10, LEASE)).isEmpty();
    }

    @Test
    void nothingIsHandedOffBeforeTheSpoolerRuns() throws Exception {
        QueueEntryId id = intake.enqueue(mail());

        assertThat(intake.take()).isEmpty();
        assertThat(queue.lease(10, LEASE)).extracting(QueueEntry::id).containsExactly(id);
    }

    @Test
    void aStoppingSpoolerGetsBackTheEntriesNobodyTookAndNothingIsHandedOffAfterwards() throws Exception {
        intake.open();
        QueueEntryId waiting = intake.enqueue(mail());

        List<HandOffQueue.Handed> left = intake.close();
        QueueEntryId afterwards = intake.enqueue(mail());

        assertThat(left).extracting(h -> h.entry().id()).containsExactly(waiting);
        assertThat(intake.take()).isEmpty();
        assertThat(queue.lease(10, LEASE)).extracting(QueueEntry::id).containsExactly(afterwards);
    }
}
