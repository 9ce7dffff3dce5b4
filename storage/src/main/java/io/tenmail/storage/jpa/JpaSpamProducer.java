package io.tenmail.storage.jpa;

import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StorageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the spam filters' store ({@link SpamPolicies}) available to CDI. */
@ApplicationScoped
public class JpaSpamProducer {

    // @Singleton: final and stateless beyond its Transactions, no proxy needed
    @Produces
    @Singleton
    SpamPolicies spamPolicies(Transactions transactions, StorageSettings settings) {
        return new JpaSpamPolicies(transactions, settings.directoryCacheTtl());
    }
}
