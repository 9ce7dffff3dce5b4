package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.MailboxEvent;

import java.util.List;

/** What a unit of work returns, and the events to publish once it has committed. */
record Outcome<T>(T value, List<MailboxEvent> events) {
    Outcome {
        events = List.copyOf(events);
    }

    static <T> Outcome<T> of(T value, MailboxEvent... events) {
        return new Outcome<>(value, List.of(events));
    }
}
