package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Test double of {@link MailboxEvents}: records what is published, and runs an optional hook on
 * the publisher's thread (to check the change is already committed when the event arrives).
 * Thread-safe.
 */
final class RecordingMailboxEvents implements MailboxEvents {
    private final List<MailboxEvent> published = new CopyOnWriteArrayList<>();
    private volatile Consumer<MailboxEvent> hook = e -> { };

    @Override
    public Subscription subscribe(MailboxId mailbox, Consumer<MailboxEvent> listener) {
        throw new UnsupportedOperationException("the store only publishes");
    }

    @Override
    public void publish(MailboxEvent event) {
        published.add(event);
        hook.accept(event);
    }

    void onPublish(Consumer<MailboxEvent> hook) {
        this.hook = hook;
    }

    /** Events of one mailbox, in publication order. */
    List<MailboxEvent> of(MailboxId mailbox) {
        return published.stream().filter(e -> e.mailbox().equals(mailbox)).toList();
    }
}
