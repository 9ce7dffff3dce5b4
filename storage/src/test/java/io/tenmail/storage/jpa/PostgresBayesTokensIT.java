package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The spam classifier's training store on PostgreSQL; skipped unless TENMAIL_TEST_PG_URL names a server. */
class PostgresBayesTokensIT extends BayesTokensContract {
    @Override
    StorageSettings settings(Path dataDir) {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set");
        return TestDatabases.freshPostgres(dataDir);
    }
}
