package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;

import java.nio.file.Path;

/** The mailbox store contract on embedded Derby. */
class DerbyMailboxStoreIT extends MailboxStoreContract {
    @Override
    StorageSettings settings(Path dataDir) {
        return TestDatabases.derby(dataDir);
    }
}
