package io.tenmail.storage.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A queue entry as leased to a worker.
 *
 * @param processor   the mailet processor the mail is in ("root" when new, "error" when parked)
 * @param attempts    how many delivery attempts have been made
 * @param nextAttempt when the entry is due
 * @param leaseToken  proves the lease in complete/reschedule; a lease that expired (the worker
 *                    died) lets another worker take the entry
 */
public record QueueEntry(QueueEntryId id, QueuedMail mail, String processor, int attempts, Instant nextAttempt,
                         Optional<String> lastError, long leaseToken) {
}
