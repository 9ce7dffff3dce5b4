package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** DKIM keys on a fresh PostgreSQL database; skipped unless TENMAIL_TEST_PG_URL is set. */
class PostgresDkimKeysIT extends DkimKeysTests {
    @Override
    StorageSettings settings(Path dataDir) {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set (run under scripts/with-postgres)");
        return TestDatabases.freshPostgres(dataDir);
    }
}
