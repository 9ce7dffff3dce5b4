package io.tenmail.storage.index;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The full-text index on a store on PostgreSQL; skipped unless TENMAIL_TEST_PG_URL names a server. */
class PostgresMessageIndexIT extends MessageIndexContract {
    @Override
    StorageSettings settings(Path dataDir) {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set");
        return TestDatabases.freshPostgres(dataDir);
    }
}
