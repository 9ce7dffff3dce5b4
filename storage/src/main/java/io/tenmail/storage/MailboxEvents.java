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

    void publish(MailboxEvent event);
}
