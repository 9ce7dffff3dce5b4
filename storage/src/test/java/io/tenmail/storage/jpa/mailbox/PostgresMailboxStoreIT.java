package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The mailbox store contract on PostgreSQL; skipped unless TENMAIL_TEST_PG_URL names a server. */
class PostgresMailboxStoreIT extends MailboxStoreContract {
    @Override
    StorageSettings settings(Path dataDir) {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set");
        return TestDatabases.freshPostgres(dataDir);
    }
}
