package io.tenmail.smtp.mailet;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Mail processing on PostgreSQL; skipped unless TENMAIL_TEST_PG_URL names a server. */
class PostgresMailProcessingIT extends MailProcessingContract {

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set");
    }

    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.freshPostgres(dataDir);
    }
}
