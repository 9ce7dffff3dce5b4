package io.tenmail.storage.index;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

/** The full-text index on a store on embedded Derby. */
class DerbyMessageIndexIT extends MessageIndexContract {
    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.derby(dataDir);
    }
}
