package io.tenmail.storage.jpa;

import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.AuditLog;
import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.MailTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the admin console's stores ({@link AuditLog}, {@link ApiTokens}, {@link DkimKeys}, {@link MailTraffic}) available to CDI. */
@ApplicationScoped
public class JpaConsoleProducer {

    // @Singleton: both are final and stateless beyond their Transactions, no proxy needed
    @Produces
    @Singleton
    AuditLog auditLog(Transactions transactions) {
        return new JpaAuditLog(transactions);
    }

    /** The spam classifier's training (a store of its own, beside the console's; docs/spam.md). */
    @Produces
    @Singleton
    io.tenmail.storage.BayesTokens bayesTokens(Transactions transactions, io.tenmail.storage.StorageSettings settings) {
        return new JpaBayesTokens(transactions, java.time.Clock.systemUTC(), settings.directoryCacheTtl());
    }

    @Produces
    @Singleton
    DkimKeys dkimKeys(Transactions transactions) {
        return new JpaDkimKeys(transactions);
    }

    @Produces
    @Singleton
    MailTraffic mailTraffic(Transactions transactions) {
        return new JpaMailTraffic(transactions);
    }

    @Produces
    @Singleton
    ApiTokens apiTokens(Transactions transactions) {
        return new JpaApiTokens(transactions);
    }
}
