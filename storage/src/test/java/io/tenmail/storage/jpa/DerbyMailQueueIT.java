package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

/** The mail queue contract on embedded Derby. */
class DerbyMailQueueIT extends MailQueueContract {

    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.derby(dataDir);
    }
}
