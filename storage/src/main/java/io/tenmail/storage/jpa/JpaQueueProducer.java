package io.tenmail.storage.jpa;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.NodeId;
import io.tenmail.storage.StorageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Makes the durable mail queue available to CDI as {@link MailQueue}, leasing as the node named in
 * {@code <data dir>/node-id} ({@link NodeId}, created at the first start).
 */
@ApplicationScoped
public class JpaQueueProducer {

    // @Singleton: JpaMailQueue is final and stateless beyond its Transactions, no proxy needed
    @Produces
    @Singleton
    MailQueue mailQueue(Transactions transactions, StorageSettings settings) {
        return new JpaMailQueue(transactions, Clock.systemUTC(), NodeId.of(settings.dataDir()));
    }
}
