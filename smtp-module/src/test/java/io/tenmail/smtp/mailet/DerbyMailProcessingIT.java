package io.tenmail.smtp.mailet;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

/** Mail processing on embedded Derby. */
class DerbyMailProcessingIT extends MailProcessingContract {
    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.derby(dataDir);
    }
}
