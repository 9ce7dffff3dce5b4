package io.tenmail.storage.jpa;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.NodeId;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import io.tenmail.storage.model.QueuedRecipient.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The {@link MailQueue} contract, run on every database by a subclass that says which. Each test
 * gets a database of its own. Time is a {@link TestClock}: leases expire by moving it.
 */
abstract class MailQueueContract {
    static final Duration LEASE = Duration.ofMinutes(5);
    static final BlobId BLOB = new BlobId("a".repeat(64));

    @TempDir
    Path dataDir;

    StorageSettings settings;
    Database database;
    TestClock clock;
    MailQueue queue;

    /** The database to test on, for data under {@code dataDir}. */
    abstract StorageSettings settings(Path dataDir);

    @BeforeEach
    void openQueue() {
        settings = settings(dataDir);
        clock = TestClock.atSomeMoment();
        open();
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) database.close();
    }

    static final NodeId THIS_NODE = new NodeId("node-a");
    static final NodeId OTHER_NODE = new NodeId("node-b");

    void open() {
        database = new Database(settings);
        queue = queueOf(THIS_NODE);
    }

    /** The queue as the process with this node id sees it, on the same database. */
    MailQueue queueOf(NodeId node) {
        return new JpaMailQueue(new Transactions(database.entityManagerFactory()), clock, node);
    }

    /** Rows left in a table of the queue, whatever the entry they belong to. */
    long rows(String table) {
        var em = database.entityManagerFactory().createEntityManager();
        try {
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }

    /** Runs a statement on the queue's database, as an older version of Tenmail would have. */
    void sql(String statement) {
        var em = database.entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery(statement).executeUpdate();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    void reopen() {
        database.close();
        database = null;
        open();
    }

    static EmailAddress address(String address) {
        return EmailAddress.parse(address);
    }

    QueuedMail mail(String... recipients) {
        return new QueuedMail(BLOB, 1234, Optional.of(address("sender@example.test")),
                List.of(recipients).stream().map(r -> QueuedRecipient.pending(address(r))).toList(),
                Map.of("tenmail.client.address", "192.0.2.7"), clock.instant());
    }

    /** Attributes of a mail too long together for QUEUE_ENTRY.ATTRIBUTES: they are kept in rows. */
    static final int ROW_ATTRIBUTES = 9;

    QueuedMail mailWithAttributeRows(String... recipients) {
        Map<String, String> attributes = new java.util.HashMap<>();
        for (int i = 0; i < ROW_ATTRIBUTES; i++) attributes.put("tenmail.long." + i, String.valueOf(i).repeat(4000));
        QueuedMail m = mail(recipients);
        return new QueuedMail(m.blob(), m.size(), m.reversePath(), m.recipients(), attributes, m.received());
    }

    QueueEntry leaseOne() throws StoreException {
        List<QueueEntry> leased = queue.lease(1, LEASE);
        assertThat(leased).hasSize(1);
        return leased.get(0);
    }

    static void assertReason(Reason reason, Executable call) {
        StoreException e = catchThrowableOfType(StoreException.class, call::execute);
        assertThat(e).as("expected StoreException " + reason).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Nested
    class EnqueueAndLease {

        @Test
        void anEnqueuedMailIsLeasedWithEverythingItCarries() throws Exception {
            QueuedRecipient withDsn = new QueuedRecipient(address("Bob@Example.test"), State.PENDING,
                    Optional.of("FAILURE,DELAY"), Optional.of("rfc822;bob@example.test"), Optional.empty());
            QueuedMail mail = new QueuedMail(new BlobId("0123456789abcdef".repeat(4)), 98765, Optional.of(address("alice@example.test")),
                    List.of(QueuedRecipient.pending(address("carol@bücher.test")), withDsn),
                    Map.of("tenmail.auth.user", "alice@example.test", "tenmail.helo", "client.example.test", "empty", ""),
                    clock.instant().minusSeconds(3));

            QueueEntryId id = queue.enqueue(mail);
            QueueEntry entry = leaseOne();

            assertThat(entry.id()).isEqualTo(id);
            assertThat(entry.mail()).isEqualTo(mail);
            assertThat(entry.processor()).isEqualTo(MailQueue.ROOT);
            assertThat(entry.attempts()).isZero();
            assertThat(entry.nextAttempt()).isEqualTo(clock.instant());
            assertThat(entry.lastError()).isEmpty();
        }

        @Test
        void aMailWithManyRecipientsAndAttributesKeepsThemAllInOrder() throws Exception {
            List<QueuedRecipient> recipients = IntStream.range(0, 45).mapToObj(i -> i % 3 == 0
                    ? new QueuedRecipient(address("r" + i + "@example.test"), State.PENDING, Optional.of("NEVER"), Optional.empty(), Optional.empty())
                    : QueuedRecipient.pending(address("r" + i + "@example.test"))).toList();
            Map<String, String> attributes = new java.util.HashMap<>();
            for (int i = 0; i < 13; i++) attributes.put("attribute." + i, "value " + i);
            QueuedMail mail = new QueuedMail(BLOB, 1, Optional.empty(), recipients, attributes, clock.instant());

            queue.enqueue(mail);
            QueueEntry handed = queue.enqueueLeased(mail, LEASE);

            assertThat(leaseOne().mail()).isEqualTo(mail);
            assertThat(handed.mail()).isEqualTo(mail);
            assertThat(rows("QUEUE_RECIPIENT")).isEqualTo(90);
            assertThat(rows("QUEUE_ATTRIBUTE")).as("in the entry's own row (changelog 0011)").isZero();
        }

        @Test
        void attributesTooLongTogetherForTheEntryRowAreKeptInRowsOfTheirOwn() throws Exception {
            QueuedMail mail = mailWithAttributeRows("a@example.test");

            queue.enqueue(mail);

            assertThat(leaseOne().mail()).isEqualTo(mail);
            assertThat(rows("QUEUE_ATTRIBUTE")).isEqualTo(ROW_ATTRIBUTES);
        }

        @Test
        void theNullReversePathOfABounceIsKept() throws Exception {
            QueuedMail bounce = new QueuedMail(BLOB, 10, Optional.empty(), List.of(QueuedRecipient.pending(address("a@example.test"))),
                    Map.of(), clock.instant());
            queue.enqueue(bounce);

            assertThat(leaseOne().mail().reversePath()).isEmpty();
        }

        @Test
        void leaseReturnsAtMostMaxEntriesOldestDueFirst() throws Exception {
            List<QueueEntryId> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(queue.enqueue(mail("r" + i + "@example.test")));
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(queue.lease(3, LEASE)).extracting(QueueEntry::id).containsExactly(ids.get(0), ids.get(1), ids.get(2));
            assertThat(queue.lease(3, LEASE)).extracting(QueueEntry::id).containsExactly(ids.get(3), ids.get(4));
            assertThat(queue.lease(3, LEASE)).isEmpty();
        }

        @Test
        void aLeasedEntryIsNotLeasedAgainWhileTheLeaseHolds() throws Exception {
            queue.enqueue(mail("a@example.test"));
            leaseOne();
            clock.advance(LEASE.minusSeconds(1));

            assertThat(queue.lease(10, LEASE)).isEmpty();
        }

        @Test
        void aCompletedEntryIsGone() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry entry = leaseOne();

            queue.complete(entry);

            assertThat(queue.size()).isZero();
            assertThat(queue.list(null, 0, 10).items()).isEmpty();
            clock.advance(LEASE.multipliedBy(2));
            assertThat(queue.lease(10, LEASE)).isEmpty();
            assertReason(Reason.NOT_FOUND, () -> queue.complete(entry));
        }

        @Test
        void anEmptyQueueHasNothingToLeaseAndNothingDue() throws Exception {
            assertThat(queue.lease(10, LEASE)).isEmpty();
            assertThat(queue.size()).isZero();
            assertThat(queue.untilNextDue()).isNull();
        }

        @Test
        void anAttributeLongerThanTheStoreKeepsIsInvalid() {
            QueuedMail mail = new QueuedMail(BLOB, 1, Optional.empty(), List.of(QueuedRecipient.pending(address("a@example.test"))),
                    Map.of("huge", "x".repeat(5000)), clock.instant());

            assertReason(Reason.INVALID, () -> queue.enqueue(mail));
        }
    }

    @Nested
    class Leases {

        @Test
        void anExpiredLeaseIsLeasedAgainWithANewToken() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry first = leaseOne();
            clock.advance(LEASE.plusMillis(1));

            QueueEntry second = leaseOne();

            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.leaseToken()).isNotEqualTo(first.leaseToken());
        }

        @Test
        void aWorkerWhoseLeaseWasTakenOverIsToldSoByEveryOperation() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry stale = leaseOne();
            clock.advance(LEASE.plusMillis(1));
            QueueEntry current = leaseOne();

            assertReason(Reason.NOT_FOUND, () -> queue.complete(stale));
            assertReason(Reason.NOT_FOUND, () -> queue.update(stale, "transport", stale.mail().recipients()));
            assertReason(Reason.NOT_FOUND, () -> queue.reschedule(stale, clock.instant(), "busy"));
            assertReason(Reason.NOT_FOUND, () -> queue.moveToError(stale, "boom"));

            queue.complete(current);
            assertThat(queue.size()).isZero();
        }

        @Test
        void aLeaseThatExpiredWithNobodyTakingTheEntryStillLetsItsHolderFinish() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry entry = leaseOne();
            clock.advance(LEASE.multipliedBy(3));

            queue.complete(entry);

            assertThat(queue.size()).isZero();
        }

        @Test
        void aReleasedLeaseCannotBeUsedAgain() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry entry = leaseOne();
            queue.reschedule(entry, clock.instant(), "try later");

            assertReason(Reason.NOT_FOUND, () -> queue.complete(entry));
            assertReason(Reason.NOT_FOUND, () -> queue.reschedule(entry, clock.instant(), "again"));
        }

        @Test
        void concurrentLeasersNeverGetTheSameEntry() throws Exception {
            int entries = 1000;
            int workers = 4;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Callable<QueueEntryId>> enqueues = IntStream.range(0, entries)
                        .<Callable<QueueEntryId>>mapToObj(i -> () -> queue.enqueue(mail("r" + i + "@example.test"))).toList();
                for (Future<QueueEntryId> f : pool.invokeAll(enqueues)) f.get();

                AtomicInteger total = new AtomicInteger();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                List<Callable<List<QueueEntryId>>> leasers = Collections.nCopies(workers, () -> {
                    List<QueueEntryId> mine = new ArrayList<>();
                    while (total.get() < entries && System.nanoTime() < deadline) {
                        List<QueueEntry> got = queue.lease(10, LEASE);
                        got.forEach(e -> mine.add(e.id()));
                        total.addAndGet(got.size());
                    }
                    return mine;
                });
                List<QueueEntryId> all = new ArrayList<>();
                for (Future<List<QueueEntryId>> f : pool.invokeAll(leasers)) all.addAll(f.get());

                assertThat(all).hasSize(entries);
                assertThat(new HashSet<>(all)).hasSize(entries);
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            }
        }
    }

    @Nested
    class LeasedAtEnqueue {

        @Test
        void aMailEnqueuedLeasedComesBackAsItsCallerHoldsItAndNobodyElseLeasesIt() throws Exception {
            QueuedMail mail = mail("a@example.test", "b@example.test");

            QueueEntry entry = queue.enqueueLeased(mail, LEASE);

            assertThat(entry.mail()).isEqualTo(mail);
            assertThat(entry.processor()).isEqualTo(MailQueue.ROOT);
            assertThat(entry.attempts()).isZero();
            assertThat(queue.lease(10, LEASE)).isEmpty();
            assertThat(queueOf(OTHER_NODE).lease(10, LEASE)).isEmpty();
            assertThat(queue.size()).isEqualTo(1);
        }

        @Test
        void theHolderOfAMailEnqueuedLeasedRecordsItsOutcomeLikeAnyLeaseHolder() throws Exception {
            QueueEntry entry = queue.enqueueLeased(mail("a@example.test"), LEASE);

            queue.update(entry, "transport", entry.mail().recipients());
            queue.complete(entry);

            assertThat(queue.size()).isZero();
        }

        @Test
        void aMailEnqueuedLeasedIsLeasedTheNormalWayWhenItsLeaseRunsOut() throws Exception {
            QueueEntry handed = queue.enqueueLeased(mail("a@example.test"), LEASE);
            clock.advance(LEASE.plusMillis(1));

            QueueEntry leased = leaseOne();

            assertThat(leased.id()).isEqualTo(handed.id());
            assertThat(leased.mail()).isEqualTo(handed.mail());
            assertThat(leased.leaseToken()).isNotEqualTo(handed.leaseToken());
            assertReason(Reason.NOT_FOUND, () -> queue.complete(handed));
        }

        @Test
        void aMailEnqueuedLeasedSurvivesAReopenOfTheDatabase() throws Exception {
            QueueEntry handed = queue.enqueueLeased(mail("a@example.test"), LEASE);

            reopen();
            clock.advance(LEASE.plusMillis(1));

            assertThat(leaseOne().id()).isEqualTo(handed.id());
        }
    }

    @Nested
    class NodeLeases {

        @Test
        void aRestartedNodeTakesBackItsOwnLeasesAtOnce() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry leasedBeforeTheKill = leaseOne();
            QueueEntry handedBeforeTheKill = queue.enqueueLeased(mail("b@example.test"), LEASE);

            reopen();   // the same node starts again, its leases still running
            int released = queue.releaseLeasesOfThisNode();

            assertThat(released).isEqualTo(2);
            List<QueueEntry> again = queue.lease(10, LEASE);
            assertThat(again).extracting(QueueEntry::id).containsExactlyInAnyOrder(leasedBeforeTheKill.id(), handedBeforeTheKill.id());
            assertReason(Reason.NOT_FOUND, () -> queue.complete(leasedBeforeTheKill));
            assertReason(Reason.NOT_FOUND, () -> queue.complete(handedBeforeTheKill));
        }

        @Test
        void anotherNodesLeasesAreLeftAlone() throws Exception {
            MailQueue other = queueOf(OTHER_NODE);
            other.enqueue(mail("a@example.test"));
            QueueEntry othersLease = other.lease(1, LEASE).get(0);
            QueueEntry othersHandOff = other.enqueueLeased(mail("b@example.test"), LEASE);

            assertThat(queue.releaseLeasesOfThisNode()).isZero();

            assertThat(queue.lease(10, LEASE)).isEmpty();
            other.complete(othersLease);
            other.complete(othersHandOff);
            assertThat(queue.size()).isZero();
        }

        @Test
        void releasingLeavesEntriesThatAreNotLeasedAsTheyWere() throws Exception {
            queue.enqueue(mail("b@example.test"));
            queue.moveToError(leaseOne(), "boom");
            QueueEntryId waiting = queue.enqueue(mail("a@example.test"));

            assertThat(queue.releaseLeasesOfThisNode()).isZero();

            assertThat(queue.lease(10, LEASE)).extracting(QueueEntry::id).containsExactly(waiting);
        }

        @Test
        void anEntryTakenOverByAnotherNodeAfterItsLeaseRanOutIsNotReleasedByTheFirst() throws Exception {
            queue.enqueue(mail("a@example.test"));
            leaseOne();
            clock.advance(LEASE.plusMillis(1));
            QueueEntry takenOver = queueOf(OTHER_NODE).lease(1, LEASE).get(0);

            assertThat(queue.releaseLeasesOfThisNode()).isZero();

            queueOf(OTHER_NODE).complete(takenOver);
        }
    }

    /** Attributes too long together for QUEUE_ENTRY.ATTRIBUTES (changelog 0011) are rows: the deletes must find them. */
    @Nested
    class Deletes {

        @Test
        void completingAnEntryRemovesItsRecipientAndAttributeRows() throws Exception {
            queue.enqueue(mailWithAttributeRows("a@example.test", "b@example.test"));
            QueueEntryId other = queue.enqueue(mailWithAttributeRows("c@example.test"));
            QueueEntry entry = leaseOne();

            queue.complete(entry);

            assertThat(rows("QUEUE_RECIPIENT")).isEqualTo(1);
            assertThat(rows("QUEUE_ATTRIBUTE")).isEqualTo(ROW_ATTRIBUTES);
            assertThat(queue.list(null, 0, 10).items()).extracting(QueueEntry::id).containsExactly(other);
        }

        @Test
        void deletingAnEntryRemovesItsRecipientAndAttributeRows() throws Exception {
            QueueEntryId id = queue.enqueue(mailWithAttributeRows("a@example.test", "b@example.test"));

            queue.delete(id);

            assertThat(rows("QUEUE_ENTRY")).isZero();
            assertThat(rows("QUEUE_RECIPIENT")).isZero();
            assertThat(rows("QUEUE_ATTRIBUTE")).isZero();
        }

        @Test
        void aCompleteWithALostLeaseLeavesTheEntryAndItsRowsAlone() throws Exception {
            queue.enqueue(mailWithAttributeRows("a@example.test"));
            QueueEntry stale = leaseOne();
            clock.advance(LEASE.plusMillis(1));
            leaseOne();

            assertReason(Reason.NOT_FOUND, () -> queue.complete(stale));

            assertThat(rows("QUEUE_RECIPIENT")).isEqualTo(1);
            assertThat(rows("QUEUE_ATTRIBUTE")).isEqualTo(ROW_ATTRIBUTES);
        }

        @Test
        void completingSeveralEntriesAtOnceRemovesThemAndTheirRowsAndNothingElse() throws Exception {
            queue.enqueue(mailWithAttributeRows("a@example.test", "b@example.test"));
            queue.enqueue(mailWithAttributeRows("c@example.test"));
            QueueEntry handed = queue.enqueueLeased(mailWithAttributeRows("d@example.test"), LEASE);
            QueueEntryId other = queue.enqueue(mailWithAttributeRows("e@example.test"));
            List<QueueEntry> leased = queue.lease(2, LEASE);

            int removed = queue.completeAll(List.of(leased.get(1), handed, leased.get(0)));

            assertThat(removed).isEqualTo(3);
            assertThat(queue.list(null, 0, 10).items()).extracting(QueueEntry::id).containsExactly(other);
            assertThat(rows("QUEUE_RECIPIENT")).isEqualTo(1);
            assertThat(rows("QUEUE_ATTRIBUTE")).isEqualTo(ROW_ATTRIBUTES);
        }

        @Test
        void completingSeveralAtOnceLeavesAnEntryWhoseLeaseWasLostToItsNewHolder() throws Exception {
            queue.enqueue(mailWithAttributeRows("a@example.test"));
            QueueEntry stale = leaseOne();
            clock.advance(LEASE.plusMillis(1));
            QueueEntry taken = leaseOne();
            queue.enqueue(mailWithAttributeRows("b@example.test"));
            QueueEntry held = leaseOne();

            int removed = queue.completeAll(List.of(stale, held));

            assertThat(removed).isEqualTo(1);
            assertThat(queue.list(null, 0, 10).items()).extracting(QueueEntry::id).containsExactly(taken.id());
            assertThat(rows("QUEUE_RECIPIENT")).isEqualTo(1);
            assertThat(rows("QUEUE_ATTRIBUTE")).isEqualTo(ROW_ATTRIBUTES);
            queue.complete(taken);
        }

        @Test
        void completingNoEntriesDoesNothing() throws Exception {
            assertThat(queue.completeAll(List.of())).isZero();
        }

        @Test
        void entriesWithAttributesInTheirRowAndInRowsOfTheirOwnAreCompletedTogether() throws Exception {
            queue.enqueue(mail("a@example.test"));
            queue.enqueue(mailWithAttributeRows("b@example.test"));
            List<QueueEntry> leased = queue.lease(2, LEASE);

            assertThat(queue.completeAll(leased)).isEqualTo(2);

            assertThat(rows("QUEUE_ENTRY")).isZero();
            assertThat(rows("QUEUE_RECIPIENT")).isZero();
            assertThat(rows("QUEUE_ATTRIBUTE")).isZero();
        }

        @Test
        void anEntryQueuedBeforeTheAttributesColumnKeepsItsAttributeRowsUntilItIsCompleted() throws Exception {
            QueueEntryId id = queue.enqueue(mail("a@example.test"));
            // as changelog 0003 wrote every entry: ATTRIBUTES NULL, one row per attribute
            sql("UPDATE QUEUE_ENTRY SET ATTRIBUTES = NULL WHERE ID = " + id.value());
            sql("INSERT INTO QUEUE_ATTRIBUTE (ENTRY_ID, ATTR_NAME, ATTR_VALUE) VALUES (" + id.value() + ", 'tenmail.old', 'yes')");

            QueueEntry entry = leaseOne();
            assertThat(entry.mail().attributes()).containsExactly(Map.entry("tenmail.old", "yes"));
            queue.complete(entry);

            assertThat(rows("QUEUE_ATTRIBUTE")).isZero();
        }
    }

    @Nested
    class Progress {

        @Test
        void rescheduleCountsAnAttemptAndMakesTheEntryDueLater() throws Exception {
            queue.enqueue(mail("a@example.test"));
            Instant later = clock.instant().plus(Duration.ofMinutes(10));
            queue.reschedule(leaseOne(), later, "421 4.4.2 connection dropped");

            assertThat(queue.lease(10, LEASE)).isEmpty();
            assertThat(queue.untilNextDue()).isEqualTo(Duration.ofMinutes(10));

            clock.advance(Duration.ofMinutes(10));
            QueueEntry again = leaseOne();
            assertThat(again.attempts()).isEqualTo(1);
            assertThat(again.nextAttempt()).isEqualTo(later);
            assertThat(again.lastError()).contains("421 4.4.2 connection dropped");

            queue.reschedule(again, clock.instant(), null);
            QueueEntry third = leaseOne();
            assertThat(third.attempts()).isEqualTo(2);
            assertThat(third.lastError()).isEmpty();
        }

        @Test
        void perRecipientStatesAndTheProcessorReachedSurviveTheNextLease() throws Exception {
            queue.enqueue(mail("a@example.test", "b@example.test", "c@example.test"));
            QueueEntry entry = leaseOne();
            List<QueuedRecipient> progress = List.of(
                    new QueuedRecipient(address("a@example.test"), State.DELIVERED, Optional.empty(), Optional.empty(), Optional.empty()),
                    new QueuedRecipient(address("b@example.test"), State.FAILED, Optional.empty(), Optional.empty(),
                            Optional.of("550 5.1.1 no such user")),
                    new QueuedRecipient(address("c@example.test"), State.PENDING, Optional.empty(), Optional.empty(),
                            Optional.of("452 4.2.2 mailbox full")));

            queue.update(entry, "relay", progress);
            queue.update(entry, "relay", progress);   // the lease is kept: updating twice is fine
            queue.reschedule(entry, clock.instant(), "452 4.2.2 mailbox full");
            QueueEntry again = leaseOne();

            assertThat(again.processor()).isEqualTo("relay");
            assertThat(again.mail().recipients()).isEqualTo(progress);
            assertThat(again.mail().attributes()).isEqualTo(entry.mail().attributes());
        }

        @Test
        void theErrorProcessorIsReachedOnlyThroughMoveToError() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry entry = leaseOne();

            assertThatThrownBy(() -> queue.update(entry, MailQueue.ERROR, entry.mail().recipients()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ErrorRepository {

        @Test
        void anEntryMovedToErrorIsNeverLeasedAndNotCountedInTheSize() throws Exception {
            queue.enqueue(mail("a@example.test"));
            queue.moveToError(leaseOne(), "mailet LocalDelivery failed: disk full");
            clock.advance(Duration.ofDays(30));

            assertThat(queue.lease(10, LEASE)).isEmpty();
            assertThat(queue.size()).isZero();
            assertThat(queue.untilNextDue()).isNull();
            Page<QueueEntry> errors = queue.list(MailQueue.ERROR, 0, 10);
            assertThat(errors.total()).isEqualTo(1);
            assertThat(errors.items().get(0).processor()).isEqualTo(MailQueue.ERROR);
            assertThat(errors.items().get(0).lastError()).contains("mailet LocalDelivery failed: disk full");
        }

        @Test
        void listPagesThroughAProcessorOldestFirst() throws Exception {
            List<QueueEntryId> parked = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queue.enqueue(mail("r" + i + "@example.test"));
                QueueEntry entry = leaseOne();
                queue.moveToError(entry, "failure " + i);
                parked.add(entry.id());
            }
            QueueEntryId waiting = queue.enqueue(mail("waiting@example.test"));

            Page<QueueEntry> page = queue.list(MailQueue.ERROR, 2, 2);
            assertThat(page.items()).extracting(QueueEntry::id).containsExactly(parked.get(2), parked.get(3));
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.offset()).isEqualTo(2);
            assertThat(page.limit()).isEqualTo(2);
            assertThat(page.items().get(0).mail().recipients()).extracting(QueuedRecipient::address).containsExactly(address("r2@example.test"));

            assertThat(queue.list(MailQueue.ROOT, 0, 10).items()).extracting(QueueEntry::id).containsExactly(waiting);
            assertThat(queue.list(null, 0, 10).total()).isEqualTo(6);
            assertThat(queue.list(null, 5, 10).items()).extracting(QueueEntry::id).containsExactly(waiting);
            assertThat(queue.list("no-such-processor", 0, 10).items()).isEmpty();
        }

        @Test
        void retryNowSendsAnErrorEntryBackToRootDueNow() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry entry = leaseOne();
            queue.moveToError(entry, "boom");
            clock.advance(Duration.ofHours(1));

            queue.retryNow(entry.id());

            assertThat(queue.size()).isEqualTo(1);
            assertThat(queue.untilNextDue()).isEqualTo(Duration.ZERO);
            QueueEntry retried = leaseOne();
            assertThat(retried.processor()).isEqualTo(MailQueue.ROOT);
            assertThat(retried.nextAttempt()).isEqualTo(clock.instant());
        }

        @Test
        void retryNowBringsAScheduledEntryForward() throws Exception {
            QueueEntryId id = queue.enqueue(mail("a@example.test"));
            QueueEntry entry = leaseOne();
            queue.update(entry, "relay", entry.mail().recipients());
            queue.reschedule(entry, clock.instant().plus(Duration.ofHours(4)), "421 4.4.0 try later");

            queue.retryNow(id);

            QueueEntry retried = leaseOne();
            assertThat(retried.processor()).as("a scheduled entry stays where it was").isEqualTo("relay");
            assertThat(retried.attempts()).isEqualTo(1);
            assertThat(retried.nextAttempt()).isEqualTo(clock.instant());
        }

        @Test
        void deleteRemovesAnEntryWhateverItsState() throws Exception {
            queue.enqueue(mail("a@example.test"));
            QueueEntry leased = leaseOne();
            queue.enqueue(mail("b@example.test"));
            QueueEntry parked = leaseOne();
            queue.moveToError(parked, "boom");
            QueueEntryId waiting = queue.enqueue(mail("c@example.test"));

            queue.delete(waiting);
            queue.delete(leased.id());
            queue.delete(parked.id());

            assertThat(queue.list(null, 0, 10).items()).extracting(QueueEntry::id).doesNotContain(waiting, leased.id(), parked.id());
            assertReason(Reason.NOT_FOUND, () -> queue.complete(leased));
        }

        @Test
        void anUnknownEntryIsNotFound() {
            assertReason(Reason.NOT_FOUND, () -> queue.delete(new QueueEntryId(424242)));
            assertReason(Reason.NOT_FOUND, () -> queue.retryNow(new QueueEntryId(424242)));
        }
    }

    @Nested
    class DueTimes {

        @Test
        void untilNextDueIsZeroForADueEntry() throws Exception {
            queue.enqueue(mail("a@example.test"));

            assertThat(queue.untilNextDue()).isEqualTo(Duration.ZERO);
        }

        @Test
        void aLeasedEntryComesDueWhenItsLeaseRunsOut() throws Exception {
            queue.enqueue(mail("a@example.test"));
            leaseOne();
            clock.advance(Duration.ofMinutes(1));

            assertThat(queue.untilNextDue()).isBetween(LEASE.minusMinutes(1), LEASE.minusMinutes(1).plusMillis(1));
        }

        @Test
        void sizeCountsEveryEntryNotInError() throws Exception {
            queue.enqueue(mail("a@example.test"));
            queue.enqueue(mail("b@example.test"));
            queue.enqueue(mail("c@example.test"));
            queue.moveToError(leaseOne(), "boom");
            leaseOne();

            assertThat(queue.size()).isEqualTo(2);
        }
    }

    @Nested
    class Durability {

        @Test
        void entriesAndTheirProgressSurviveClosingAndReopeningTheDatabase() throws Exception {
            QueueEntryId first = queue.enqueue(mail("a@example.test", "b@example.test"));
            QueueEntryId second = queue.enqueue(mail("c@example.test"));
            QueueEntry entry = leaseOne();
            List<QueuedRecipient> progress = List.of(
                    new QueuedRecipient(address("a@example.test"), State.DELIVERED, Optional.empty(), Optional.empty(), Optional.empty()),
                    QueuedRecipient.pending(address("b@example.test")));
            queue.update(entry, "local-delivery", progress);
            queue.moveToError(leaseOne(), "boom");

            reopen();

            assertThat(queue.size()).isEqualTo(1);
            assertThat(queue.list(MailQueue.ERROR, 0, 10).items()).extracting(QueueEntry::id).containsExactly(second);
            assertThat(queue.lease(10, LEASE)).as("the lease taken before the restart still holds").isEmpty();
            clock.advance(LEASE.plusMillis(1));
            QueueEntry again = leaseOne();
            assertThat(again.id()).isEqualTo(first);
            assertThat(again.processor()).isEqualTo("local-delivery");
            assertThat(again.mail().recipients()).isEqualTo(progress);
            assertThat(again.mail().attributes()).containsEntry("tenmail.client.address", "192.0.2.7");
        }

        @Test
        void newEntriesAfterAReopenGetNewIds() throws Exception {
            QueueEntryId before = queue.enqueue(mail("a@example.test"));
            reopen();
            QueueEntryId after = queue.enqueue(mail("b@example.test"));

            assertThat(after).isNotEqualTo(before);
            assertThat(Set.of(before, after)).hasSize(2);
        }
    }
}
