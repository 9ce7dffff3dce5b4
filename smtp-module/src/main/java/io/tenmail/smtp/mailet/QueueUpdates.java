package io.tenmail.smtp.mailet;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueuedRecipient;
import org.apache.james.core.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Records what a pass did to a queue entry, in as few statements as the outcome allows:
 * <ul>
 *   <li>every recipient done: {@link MailQueue#complete} (one statement, the common case);
 *   <li>some parked: the still-pending recipients are written back (so a retry from the error
 *       repository starts over from "root" with only them) and the entry is parked with the reasons;
 *   <li>some deferred: the pending recipients and the processor to resume in are written, then the
 *       entry is rescheduled to the earliest next attempt (MAILET-CONTRACT: deferral).
 * </ul>
 * Recipients delivered during the pass are not recorded one by one: local delivery is idempotent
 * through its delivery key (ADR 0009), so a pass replayed after a crash delivers nothing twice.
 */
final class QueueUpdates {
    private static final Logger log = LoggerFactory.getLogger(QueueUpdates.class);

    private final MailQueue queue;

    QueueUpdates(MailQueue queue) {
        this.queue = queue;
    }

    void apply(QueueEntry entry, ProcessingResult result) throws StoreException {
        if (result.isComplete()) {
            queue.complete(entry);
            return;
        }
        Map<String, QueuedRecipient> pending = new LinkedHashMap<>();
        for (ProcessingResult.Parked p : result.parked()) add(pending, p.recipients(), p.dsn(), Optional.of(p.reason()));
        for (ProcessingResult.Deferral d : result.deferrals()) add(pending, d.recipients(), d.dsn(), d.error());
        List<QueuedRecipient> recipients = List.copyOf(pending.values());
        if (!result.parked().isEmpty()) {
            String reasons = result.parked().stream().map(ProcessingResult.Parked::reason).distinct().collect(Collectors.joining("; "));
            queue.update(entry, MailQueue.ROOT, recipients);
            queue.moveToError(entry, reasons);
            log.warn("queue entry {} moved to the error repository: {}", entry.id().value(), reasons);
            return;
        }
        ProcessingResult.Deferral first = result.deferrals().stream().min(Comparator.comparing(ProcessingResult.Deferral::next)).orElseThrow();
        if (result.deferrals().stream().map(ProcessingResult.Deferral::processor).distinct().count() > 1) {
            // one entry has one processor; the mails it was split into resume together in the first one's
            log.warn("queue entry {}: parts deferred to different processors, all resume in \"{}\"", entry.id().value(), first.processor());
        }
        Instant next = first.next();
        queue.update(entry, first.processor(), recipients);
        queue.reschedule(entry, next, first.error().orElse(null));
        log.debug("queue entry {} deferred to {} in \"{}\" for {} recipient(s)", entry.id().value(), next, first.processor(), recipients.size());
    }

    private static void add(Map<String, QueuedRecipient> pending, List<MailAddress> recipients,
                            Optional<org.apache.mailet.DsnParameters> dsn, Optional<String> error) {
        for (MailAddress r : recipients) {
            QueuedRecipient q = EnvelopeDsn.toQueued(r, dsn, error);
            pending.putIfAbsent(q.address().key(), q);
        }
    }
}
