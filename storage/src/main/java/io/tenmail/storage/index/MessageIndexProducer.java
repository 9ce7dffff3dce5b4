package io.tenmail.storage.index;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.jpa.mailbox.MailboxOwners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;


/**
 * Makes the full-text index available to CDI as {@code MessageIndex} (and as {@link LuceneMessageIndex}
 * for the composition root, which opens it in the configured directory at start-up).
 */
@ApplicationScoped
public class MessageIndexProducer {

    // @Singleton, not @ApplicationScoped: the index is final, which CDI cannot proxy
    @Produces
    @Singleton
    LuceneMessageIndex messageIndex(MailboxStore store, BlobStore blobs, MailboxEvents events, Transactions tx) {
        return new LuceneMessageIndex(store, blobs, events, () -> {
            try {
                return MailboxOwners.all(tx);
            } catch (StoreException e) {
                throw new IllegalStateException("listing the mailboxes for the index failed: " + e.getMessage(), e);
            }
        });
    }

    void close(@Disposes LuceneMessageIndex index) {
        index.close();
    }
}
