package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

/** Mail traffic counts on embedded Derby in a temporary directory. */
class DerbyMailTrafficIT extends MailTrafficTests {
    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.derby(dataDir);
    }
}
