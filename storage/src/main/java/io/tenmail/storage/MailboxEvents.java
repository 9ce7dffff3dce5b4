package io.tenmail.storage;

import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;

import java.util.function.Consumer;

/**
 * Change events per mailbox. The store publishes after each commit; listeners are called on the
 * publisher's thread and must only hand the event over (e.g. to a session's queue), never block.
 * Thread-safe. In one process this is in memory; across nodes an implementation relays events
 * through the database or a broker.
 */
public interface MailboxEvents {

    /** A registration; closing it stops delivery to the listener. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    Subscription subscribe(MailboxId mailbox, Consumer<MailboxEvent> listener);

    /**
     * Every mailbox's events, for a follower of the whole store such as the full-text index; same
     * rules as {@link #subscribe}. Implementations that cannot offer it refuse.
     */
    default Subscription subscribeAll(Consumer<MailboxEvent> listener) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no subscription to every mailbox");
    }

    void publish(MailboxEvent event);
}
