package io.tenmail.smtp.mailet;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished queue entries removed many at a time (ADR 0020), against a queue that records the calls. */
class BatchedCompletionsTest {
    /** Longer than any test: a batch goes when it is full or at close, never by the clock. */
    private static final Duration NEVER = Duration.ofHours(1);

    /** What the queue was asked to remove: a list per call ("complete" calls as lists of one, marked by {@link #single}). */
    private final BlockingQueue<List<QueueEntry>> removals = new LinkedBlockingQueue<>();
    private final BlockingQueue<QueueEntry> single = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final MailQueue queue = (MailQueue) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MailQueue.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "completeAll" -> {
                    if (failuresToCome.getAndDecrement() > 0) throw new StoreException(StoreException.Reason.TEMPORARY, "database down");
                    @SuppressWarnings("unchecked") List<QueueEntry> entries = List.copyOf((List<QueueEntry>) args[0]);
                    removals.add(entries);
                    yield entries.size();
                }
                case "complete" -> {
                    single.add((QueueEntry) args[0]);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private BatchedCompletions completions;

    @AfterEach
    void close() {
        if (completions != null) completions.close();
    }

    private static QueueEntry entry(long id) {
        QueuedMail mail = new QueuedMail(new BlobId("c".repeat(64)), 10, Optional.empty(),
                List.of(QueuedRecipient.pending(EmailAddress.parse("rcpt@example.test"))), Map.of(), Instant.EPOCH);
        return new QueueEntry(new QueueEntryId(id), mail, MailQueue.ROOT, 0, Instant.EPOCH, Optional.empty(), 1);
    }

    private List<QueueEntry> nextRemoval() throws InterruptedException {
        List<QueueEntry> removed = removals.poll(10, TimeUnit.SECONDS);
        assertThat(removed).as("a removal within 10 s").isNotNull();
        return removed;
    }

    @Test
    void entriesFinishedTogetherAreRemovedInOneCallOnceABatchIsFull() throws Exception {
        completions = new BatchedCompletions(queue, NEVER, 3, "test-completer");

        completions.complete(entry(1));
        completions.complete(entry(2));
        completions.complete(entry(3));

        assertThat(nextRemoval()).extracting(e -> e.id().value()).containsExactly(1L, 2L, 3L);
        assertThat(completions.waiting()).isZero();
    }

    @Test
    void aLoneEntryIsRemovedAfterTheGatheringTime() throws Exception {
        completions = new BatchedCompletions(queue, Duration.ofMillis(20), 100, "test-completer");

        completions.complete(entry(7));

        assertThat(nextRemoval()).extracting(e -> e.id().value()).containsExactly(7L);
    }

    @Test
    void closingRemovesWhatIsWaitingBeforeItReturns() throws Exception {
        completions = new BatchedCompletions(queue, NEVER, 100, "test-completer");
        completions.complete(entry(1));
        completions.complete(entry(2));

        completions.close();

        assertThat(removals.poll()).extracting(e -> e.id().value()).containsExactly(1L, 2L);
    }

    @Test
    void anEntryFinishedAfterTheCloseIsRemovedAtOnceByItsWorker() throws Exception {
        completions = new BatchedCompletions(queue, NEVER, 100, "test-completer");
        completions.close();

        completions.complete(entry(5));

        assertThat(single.poll()).extracting(e -> e.id().value()).isEqualTo(5L);
        assertThat(removals).isEmpty();
    }

    @Test
    void aRemovalThatFailsIsLeftToTheLeasesAndTheNextBatchStillGoes() throws Exception {
        completions = new BatchedCompletions(queue, NEVER, 2, "test-completer");
        failuresToCome.set(1);
        completions.complete(entry(1));
        completions.complete(entry(2));

        completions.complete(entry(3));
        completions.complete(entry(4));

        assertThat(nextRemoval()).extracting(e -> e.id().value()).containsExactly(3L, 4L);
    }
}
