package io.tenmail.storage.events;

import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import jakarta.enterprise.context.ApplicationScoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@link MailboxEvents} within one JVM. Thread-safe and lock-free for publishers.
 *
 * <p>Sized for tens of thousands of IMAP IDLE sessions: a map from mailbox to an immutable array
 * of its subscriptions. Subscribing or closing replaces only that mailbox's array (a mailbox has
 * a handful of watchers, so the copy is cheap), atomically through
 * {@link ConcurrentHashMap#compute}; a mailbox whose last subscription closes leaves the map.
 * Publishing reads one array and takes no lock.
 *
 * <p>Listeners run on the publisher's thread in subscription order. A listener that throws is
 * logged and the others still get the event. After {@link Subscription#close()} returns, the
 * listener gets no event published later; one being published at that very moment may still
 * arrive.
 */
@ApplicationScoped
public class InMemoryMailboxEvents implements MailboxEvents {
    private static final Logger log = LoggerFactory.getLogger(InMemoryMailboxEvents.class);
    private static final Registration[] NONE = new Registration[0];

    private final ConcurrentHashMap<MailboxId, Registration[]> byMailbox = new ConcurrentHashMap<>();
    /** Subscriptions to every mailbox (a handful: the index), read on every publish without a lock. */
    private final CopyOnWriteArrayList<Registration> everyMailbox = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(MailboxId mailbox, Consumer<MailboxEvent> listener) {
        Registration registration = new Registration(Objects.requireNonNull(mailbox, "mailbox"), Objects.requireNonNull(listener, "listener"));
        byMailbox.compute(mailbox, (id, current) -> append(current == null ? NONE : current, registration));
        return registration;
    }

    @Override
    public Subscription subscribeAll(Consumer<MailboxEvent> listener) {
        Registration registration = new Registration(null, Objects.requireNonNull(listener, "listener"));
        everyMailbox.add(registration);
        return registration;
    }

    @Override
    public void publish(MailboxEvent event) {
        Registration[] registrations = byMailbox.get(event.mailbox());
        if (registrations != null) {
            for (Registration registration : registrations) deliver(registration, event);
        }
        for (Registration registration : everyMailbox) deliver(registration, event);
    }

    private static void deliver(Registration registration, MailboxEvent event) {
        if (registration.closed.get()) return;
        try {
            registration.listener.accept(event);
        } catch (RuntimeException e) {
            // a listener's bug must not cost other sessions their updates, nor fail the store's commit
            log.error("mailbox event listener failed for mailbox {} ({})", event.mailbox().value(), event.kind(), e);
        }
    }

    /** How many subscriptions are open, over all mailboxes. */
    public int subscriptionCount() {
        return byMailbox.values().stream().mapToInt(r -> r.length).sum();
    }

    /** How many mailboxes have at least one open subscription. */
    public int watchedMailboxCount() {
        return byMailbox.size();
    }

    private void remove(Registration registration) {
        if (registration.mailbox == null) {
            everyMailbox.remove(registration);
            return;
        }
        byMailbox.computeIfPresent(registration.mailbox, (id, current) -> without(current, registration));
    }

    private static Registration[] append(Registration[] current, Registration added) {
        Registration[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = added;
        return next;
    }

    /** The array without {@code removed}, or null (which drops the mailbox) when it was the last. */
    private static Registration[] without(Registration[] current, Registration removed) {
        int at = -1;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == removed) {
                at = i;
                break;
            }
        }
        if (at < 0) return current;
        if (current.length == 1) return null;
        Registration[] next = new Registration[current.length - 1];
        System.arraycopy(current, 0, next, 0, at);
        System.arraycopy(current, at + 1, next, at, current.length - at - 1);
        return next;
    }

    private final class Registration implements Subscription {
        final MailboxId mailbox;   // null: every mailbox
        final Consumer<MailboxEvent> listener;
        final AtomicBoolean closed = new AtomicBoolean();

        Registration(MailboxId mailbox, Consumer<MailboxEvent> listener) {
            this.mailbox = mailbox;
            this.listener = listener;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) remove(this);
        }
    }
}
