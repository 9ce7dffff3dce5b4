package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the database and its transactions available to CDI. {@link StorageSettings} is produced
 * by the composition root (deploy) or by a test.
 */
@ApplicationScoped
public class JpaStorageProducer {

    // @Singleton, not @ApplicationScoped: these are final classes that CDI cannot proxy
    @Produces
    @Singleton
    Database database(StorageSettings settings) {
        return new Database(settings);
    }

    void close(@Disposes Database database) {
        database.close();
    }

    @Produces
    @Singleton
    Transactions transactions(Database database) {
        return new Transactions(database.entityManagerFactory());
    }
}
