package io.tenmail.storage.jpa;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

/** The directory contracts on embedded Derby in a temporary directory. */
class DerbyDirectoryIT extends JpaDirectoryTests {
    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.derby(dataDir);
    }
}
