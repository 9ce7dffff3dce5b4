package io.tenmail.smtp.mailet;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.NodeId;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaMailQueue;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often the spooler goes to the database (ADR 0020), counted on a real queue on embedded Derby:
 * mail handed over in memory costs no lease rounds, finished entries are removed in batches, and
 * mail this node never hears of is still found.
 */
class SpoolerRoundTripsIT {
    @TempDir
    Path dir;
    Database database;
    JpaMailQueue queue;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final QueueWakeup wakeup = new QueueWakeup();
    MailSpooler spooler;

    @BeforeEach
    void open() {
        database = new Database(TestDatabases.derby(dir));
        queue = new JpaMailQueue(new Transactions(database.entityManagerFactory()), Clock.systemUTC(), new NodeId("this-node"));
    }

    @AfterEach
    void close() {
        if (spooler != null) spooler.close();
        database.close();
    }

    /** The queue, counting the calls the spooler makes. */
    private MailQueue counted() {
        return (MailQueue) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MailQueue.class}, (proxy, method, args) -> {
            calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
            try {
                return method.invoke(queue, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    /** A spooler whose one processor ends every mail with James's Null (a replay-safe pass). */
    private void startSpooler(Duration maxIdle) throws Exception {
        SpoolerSettings settings = new SpoolerSettings(4, Duration.ofMinutes(5), 16, maxIdle, dir.resolve("unused.xml"));
        ContainerDefinition definition = ContainerConfigParserTest.parse("<mailetcontainer><processor state=\"root\">"
                + "<mailet match=\"All\" class=\"Null\"/></processor>"
                + "<processor state=\"error\"><mailet match=\"All\" class=\"ToErrorRepository\"/></processor></mailetcontainer>");
        QueueMailetContext context = new QueueMailetContext(null, null, new MailetContainerTest.NoReports(),
                new EmailAddress("postmaster", "x.test"), "mx.x.test");
        spooler = new MailSpooler(settings, counted(), null, wakeup, Clock.systemUTC(),
                () -> new MailetContainerLoader(new MailetClasses(getClass().getClassLoader()), new ServiceInstantiator(), context).build(definition));
        spooler.start();
    }

    private static QueuedMail mail() {
        return new QueuedMail(new BlobId("d".repeat(64)), 100, Optional.of(EmailAddress.parse("sender@example.test")),
                List.of(QueuedRecipient.pending(EmailAddress.parse("rcpt@example.test"))), Map.of("tenmail.helo", "client.test"), Instant.now());
    }

    private void awaitQueueEmpty() {
        ProcessingSystem.await(() -> {
            try {
                return queue.size() == 0;
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        }, "the queue to be empty");
    }

    @Test
    void mailHandedOverInMemoryCostsNoLeaseRoundsAndLeavesTheQueueInBatches() throws Exception {
        startSpooler(Duration.ofHours(1));
        ProcessingSystem.await(() -> calls("untilNextDue") == 1, "the first look at the empty queue");
        int mails = 50;

        for (int i = 0; i < mails; i++) {
            spooler.intakeQueue().enqueue(mail());
            wakeup.signal();   // as SMTP intake does after each 250
        }
        awaitQueueEmpty();

        assertThat(calls("lease")).as("only the first look: nothing was due in the database since").isEqualTo(1);
        assertThat(calls("untilNextDue")).isEqualTo(1);
        assertThat(calls("complete")).as("every pass was replay-safe").isZero();
        assertThat(calls("completeAll")).isBetween(1, mails);
    }

    @Test
    void mailQueuedWhereThisNodeDoesNotHearOfItIsFoundWithinMaxIdle() throws Exception {
        startSpooler(Duration.ofSeconds(1));
        ProcessingSystem.await(() -> calls("untilNextDue") == 1, "the first look at the empty queue");

        queue.enqueue(mail());   // another node's intake, or an administrator's retry: no wake-up here

        awaitQueueEmpty();
    }

    @Test
    void mailQueuedUnleasedOnThisNodeIsLeasedAtOnce() throws Exception {
        startSpooler(Duration.ofHours(1));
        ProcessingSystem.await(() -> calls("untilNextDue") == 1, "the first look at the empty queue");

        queue.enqueue(mail());   // as QueueInjector queues a DSN
        wakeup.signalUnleased();

        awaitQueueEmpty();
        assertThat(calls("lease")).isEqualTo(2);
    }
}
