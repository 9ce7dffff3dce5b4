package io.tenmail.storage.jpa;

import io.tenmail.storage.MailQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the durable mail queue available to CDI as {@link MailQueue}. */
@ApplicationScoped
public class JpaQueueProducer {

    // @Singleton: JpaMailQueue is final and stateless beyond its Transactions, no proxy needed
    @Produces
    @Singleton
    MailQueue mailQueue(Transactions transactions) {
        return new JpaMailQueue(transactions);
    }
}
