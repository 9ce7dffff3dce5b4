package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueuedRecipient;

import java.time.Instant;
import java.util.List;

/**
 * {@code QueueEntry {id, processor, sender, recipients: [{address, state, lastError}], size,
 * received, attempts, nextAttempt, lastError}}; sender is null for the null reverse-path (a bounce).
 */
public record QueueEntryDto(long id, String processor, String sender, List<Recipient> recipients, long size, Instant received,
                            int attempts, Instant nextAttempt, String lastError) {
    public record Recipient(String address, String state, String lastError) {
    }

    public static QueueEntryDto from(QueueEntry e) {
        List<Recipient> recipients = e.mail().recipients().stream()
                .map((QueuedRecipient r) -> new Recipient(r.address().toString(), r.state().name(), r.lastError().orElse(null)))
                .toList();
        return new QueueEntryDto(e.id().value(), e.processor(), e.mail().reversePath().map(EmailAddress::toString).orElse(null),
                recipients, e.mail().size(), e.mail().received(), e.attempts(), e.nextAttempt(), e.lastError().orElse(null));
    }
}
