package io.tenmail.storage.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mail accepted by SMTP, as the queue keeps it until every recipient is done.
 *
 * @param reversePath  the envelope sender; empty for the null reverse-path {@code <>} (bounces)
 * @param attributes   string attributes carried to the mailet container (authenticated user,
 *                     client address, HELO name, DSN ENVID/RET, spam verdicts ...)
 */
public record QueuedMail(BlobId blob, long size, Optional<EmailAddress> reversePath, List<QueuedRecipient> recipients,
                         Map<String, String> attributes, Instant received) {
    public QueuedMail {
        recipients = List.copyOf(recipients);
        attributes = Map.copyOf(attributes);
    }
}
