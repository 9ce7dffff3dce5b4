package io.tenmail.storage.model;

/** Identifies an entry of the durable mail queue. */
public record QueueEntryId(long value) {
    public QueueEntryId {
        if (value <= 0) throw new IllegalArgumentException("queue entry id must be positive: " + value);
    }
}
