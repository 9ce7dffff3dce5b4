package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.jpa.JpaStorageProducer;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.mime.MessageParser;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.NewMessage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The store and the parser as CDI beans, wired the way the server wires them. */
class MailboxStoreWiringIT {
    private static Path dataDir;

    /** What the composition root and the other storage parts provide. */
    static class TestBeans {
        @Produces
        @Singleton
        StorageSettings settings() {
            return TestDatabases.derby(dataDir);
        }

        @Produces
        @Singleton
        MailboxEvents events() {
            return new RecordingMailboxEvents();
        }

        @Produces
        @Singleton
        Directory directory(Transactions tx) {
            return new TestDirectory(tx);
        }
    }

    @Test
    void theStoreAndTheParserAreInjectableAndWork(@TempDir Path dir) throws Exception {
        dataDir = dir;
        Weld weld = new Weld().disableDiscovery()
                .addBeanClasses(JpaStorageProducer.class, JpaMailboxStore.class, MessageParser.class, TestBeans.class);
        try (WeldContainer container = weld.initialize()) {
            MailboxStore store = container.select(MailboxStore.class).get();
            MessageParser parser = container.select(MessageParser.class).get();
            // @Singleton: the bean itself, not a client proxy
            AccountId owner = ((TestDirectory) container.select(Directory.class).get()).add(0);
            store.ensureDefaultMailboxes(owner);
            MailboxId inbox = store.mailbox(owner, MailboxName.INBOX).orElseThrow().id();
            byte[] bytes = "Subject: wired\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
            NewMessage message = new NewMessage(MailboxStoreContract.blobOf(bytes), bytes.length,
                    parser.parse(new ByteArrayInputStream(bytes)), Flags.NONE, Instant.now());
            AppendResult result = store.append(owner, inbox, message);
            assertThat(store.parsed(owner, inbox, result.uid()).subject()).isEqualTo("wired");
        }
    }
}
