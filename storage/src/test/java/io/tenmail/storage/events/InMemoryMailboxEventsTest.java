package io.tenmail.storage.events;

import io.tenmail.storage.MailboxEvents.Subscription;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxEvent.Kind;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryMailboxEventsTest {
    static final MailboxId INBOX = new MailboxId(1);
    static final MailboxId JUNK = new MailboxId(2);

    final InMemoryMailboxEvents events = new InMemoryMailboxEvents();

    static MailboxEvent appended(MailboxId mailbox, long uid) {
        return new MailboxEvent(mailbox, new AccountId(7), Kind.APPENDED, List.of(new Uid(uid)), new ModSeq(uid));
    }

    @Test
    void aListenerHearsEventsOfItsMailboxOnly() {
        List<MailboxEvent> heard = new ArrayList<>();
        events.subscribe(INBOX, heard::add);

        events.publish(appended(INBOX, 1));
        events.publish(appended(JUNK, 2));

        assertThat(heard).containsExactly(appended(INBOX, 1));
    }

    @Test
    void aListenerOfEveryMailboxHearsAllEventsUntilClosed() {
        List<MailboxEvent> heard = new ArrayList<>();
        Subscription all = events.subscribeAll(heard::add);

        events.publish(appended(INBOX, 1));
        events.publish(appended(JUNK, 2));
        all.close();
        events.publish(appended(INBOX, 3));

        assertThat(heard).containsExactly(appended(INBOX, 1), appended(JUNK, 2));
        assertThat(events.subscriptionCount()).isZero();
    }

    @Test
    void everyListenerOfAMailboxHearsEachEventInSubscriptionOrder() {
        List<String> heard = new ArrayList<>();
        events.subscribe(INBOX, e -> heard.add("first " + e.uids()));
        events.subscribe(INBOX, e -> heard.add("second " + e.uids()));

        events.publish(appended(INBOX, 5));

        assertThat(heard).containsExactly("first [Uid[value=5]]", "second [Uid[value=5]]");
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        List<MailboxEvent> heard = new ArrayList<>();
        Subscription subscription = events.subscribe(INBOX, heard::add);
        events.publish(appended(INBOX, 1));

        subscription.close();
        subscription.close();   // closing twice is harmless
        events.publish(appended(INBOX, 2));

        assertThat(heard).containsExactly(appended(INBOX, 1));
        assertThat(events.subscriptionCount()).isZero();
        assertThat(events.watchedMailboxCount()).as("no empty entry is left behind").isZero();
    }

    @Test
    void closingOneSubscriptionLeavesTheOthersOfTheMailbox() {
        List<String> heard = new ArrayList<>();
        Subscription a = events.subscribe(INBOX, e -> heard.add("a"));
        events.subscribe(INBOX, e -> heard.add("b"));
        events.subscribe(INBOX, e -> heard.add("c"));

        a.close();
        events.publish(appended(INBOX, 1));

        assertThat(heard).containsExactly("b", "c");
    }

    @Test
    void theSameListenerSubscribedTwiceIsTwoSubscriptions() {
        AtomicInteger calls = new AtomicInteger();
        Consumer<MailboxEvent> listener = e -> calls.incrementAndGet();
        Subscription first = events.subscribe(INBOX, listener);
        events.subscribe(INBOX, listener);

        first.close();
        events.publish(appended(INBOX, 1));

        assertThat(calls).hasValue(1);
    }

    @Test
    void aThrowingListenerDoesNotKeepTheEventFromTheOthers() {
        List<MailboxEvent> heard = new ArrayList<>();
        events.subscribe(INBOX, e -> {
            throw new IllegalStateException("listener bug");
        });
        events.subscribe(INBOX, heard::add);

        events.publish(appended(INBOX, 1));
        events.publish(appended(INBOX, 2));

        assertThat(heard).containsExactly(appended(INBOX, 1), appended(INBOX, 2));
    }

    @Test
    void aListenerMayCloseItsOwnSubscriptionWhileHearingAnEvent() {
        List<MailboxEvent> heard = new ArrayList<>();
        Subscription[] self = new Subscription[1];
        self[0] = events.subscribe(INBOX, e -> {
            heard.add(e);
            self[0].close();
        });

        events.publish(appended(INBOX, 1));
        events.publish(appended(INBOX, 2));

        assertThat(heard).containsExactly(appended(INBOX, 1));
    }

    @Test
    void publishingToAMailboxNobodyWatchesDoesNothing() {
        events.publish(appended(JUNK, 1));

        assertThat(events.watchedMailboxCount()).isZero();
    }

    @Test
    void tenThousandIdleSessionsSubscribeHearAndLeaveConcurrently() throws Exception {
        int sessions = 10_000;
        int mailboxes = 500;
        int threads = 8;
        ConcurrentLinkedQueue<Subscription> subscriptions = new ConcurrentLinkedQueue<>();
        AtomicInteger heard = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = thread; i < sessions; i += threads) {
                        subscriptions.add(events.subscribe(new MailboxId(1 + i % mailboxes), e -> heard.incrementAndGet()));
                        // meanwhile deliveries keep publishing; none may fail
                        events.publish(appended(new MailboxId(1 + i % mailboxes), 1));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) f.get(1, TimeUnit.MINUTES);

            assertThat(events.subscriptionCount()).isEqualTo(sessions);
            assertThat(events.watchedMailboxCount()).isEqualTo(mailboxes);

            // one event per mailbox now reaches every session exactly once
            heard.set(0);
            for (int m = 1; m <= mailboxes; m++) events.publish(appended(new MailboxId(m), 2));
            assertThat(heard).hasValue(sessions);

            List<Future<?>> closing = new ArrayList<>();
            List<Subscription> all = new CopyOnWriteArrayList<>(subscriptions);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                closing.add(pool.submit(() -> {
                    for (int i = thread; i < all.size(); i += threads) all.get(i).close();
                    return null;
                }));
            }
            for (Future<?> f : closing) f.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        assertThat(events.subscriptionCount()).isZero();
        assertThat(events.watchedMailboxCount()).isZero();
    }
}
