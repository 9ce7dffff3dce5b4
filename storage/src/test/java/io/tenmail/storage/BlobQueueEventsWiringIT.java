package io.tenmail.storage;

import io.tenmail.storage.blob.BlobInventory;
import io.tenmail.storage.blob.BlobStoreProducer;
import io.tenmail.storage.events.InMemoryMailboxEvents;
import io.tenmail.storage.jpa.JpaQueueProducer;
import io.tenmail.storage.jpa.JpaStorageProducer;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The blob store, the mail queue and the mailbox events as CDI gives them to the modules. */
class BlobQueueEventsWiringIT {

    @TempDir
    static Path dataDir;

    @ApplicationScoped
    static class Settings {
        @Produces
        StorageSettings settings() {
            return TestDatabases.derby(dataDir);
        }
    }

    @Test
    void thePortsAreInjectableAndWorkTogether() throws Exception {
        Weld weld = new Weld().disableDiscovery()
                .addBeanClasses(Settings.class, JpaStorageProducer.class, BlobStoreProducer.class, JpaQueueProducer.class,
                        InMemoryMailboxEvents.class);
        try (WeldContainer cdi = weld.initialize()) {
            BlobStore blobs = cdi.select(BlobStore.class).get();
            MailQueue queue = cdi.select(MailQueue.class).get();
            MailboxEvents events = cdi.select(MailboxEvents.class).get();

            BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)), 1000);
            queue.enqueue(new QueuedMail(blob.id(), blob.size(), Optional.empty(),
                    List.of(QueuedRecipient.pending(EmailAddress.parse("a@example.test"))), Map.of(), Instant.now()));
            assertThat(queue.lease(1, Duration.ofMinutes(1))).extracting(e -> e.mail().blob()).containsExactly(blob.id());
            assertThat(Files.exists(dataDir.resolve("blobs").resolve(blob.id().hex().substring(0, 2)))).isTrue();

            List<MailboxEvent> heard = new ArrayList<>();
            events.subscribe(new MailboxId(3), heard::add);
            cdi.select(MailboxEvents.class).get().publish(new MailboxEvent(new MailboxId(3), new AccountId(1), MailboxEvent.Kind.EXPUNGED, List.of(), new ModSeq(9)));
            assertThat(heard).as("one instance for the application").hasSize(1);

            assertThat(cdi.select(BlobInventory.class).get()).isSameAs(blobs);
        }
    }
}
