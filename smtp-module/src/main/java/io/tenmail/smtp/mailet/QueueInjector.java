package io.tenmail.smtp.mailet;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts mail that the server itself writes (delivery status notifications, mail a mailet sends
 * through the MailetContext) into the durable queue the way SMTP intake does: the message is
 * stored as a blob (fsynced), the queue entry committed un-leased, and the spooler woken to lease it
 * ({@link QueueWakeup#signalUnleased}). Thread-safe.
 */
@ApplicationScoped
public class QueueInjector {
    private final BlobStore blobs;
    private final MailQueue queue;
    private final QueueWakeup wakeup;
    private final Clock clock;

    /** For CDI's client proxy only. */
    protected QueueInjector() {
        this.blobs = null;
        this.queue = null;
        this.wakeup = null;
        this.clock = null;
    }

    @Inject
    public QueueInjector(BlobStore blobs, MailQueue queue, QueueWakeup wakeup) {
        this(blobs, queue, wakeup, Clock.systemUTC());
    }

    public QueueInjector(BlobStore blobs, MailQueue queue, QueueWakeup wakeup, Clock clock) {
        this.blobs = blobs;
        this.queue = queue;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    /**
     * Queues {@code message} from {@code sender} (empty: the null reverse path) to the recipients.
     *
     * @throws MessagingException the message cannot be written; {@link TemporaryFailure} when the store failed
     */
    public QueueEntryId inject(Optional<EmailAddress> sender, List<QueuedRecipient> recipients, MimeMessage message,
                               Map<String, String> attributes) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new MessagingException("cannot write the message: " + e.getMessage(), e);
        }
        try {
            BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(bytes.toByteArray()), bytes.size());
            QueueEntryId id = queue.enqueue(new QueuedMail(blob.id(), blob.size(), sender, recipients, attributes, clock.instant()));
            wakeup.signalUnleased();   // queued un-leased: a worker must look at the database
            return id;
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.TEMPORARY) throw new TemporaryFailure("cannot queue a mail: " + e.getMessage(), e);
            throw new MessagingException("cannot queue a mail: " + e.getMessage(), e);
        }
    }
}
