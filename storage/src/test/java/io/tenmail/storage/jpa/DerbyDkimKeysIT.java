package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

/** DKIM keys on embedded Derby in a temporary directory. */
class DerbyDkimKeysIT extends DkimKeysTests {
    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.derby(dataDir);
    }
}
