package io.tenmail.smtp.mailet;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Mail processing on PostgreSQL; skipped unless TENMAIL_TEST_PG_URL names a server. */
class PostgresMailProcessingIT extends MailProcessingContract {

    // asked here, not in a static @BeforeAll of this class: the contract's @BeforeAll, which
    // needs the database, runs before this class's own
    @Override
    StorageSettings settings(Path dataDir) {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set");
        return TestDatabases.freshPostgres(dataDir);
    }
}
