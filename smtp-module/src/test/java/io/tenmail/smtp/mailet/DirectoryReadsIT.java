package io.tenmail.smtp.mailet;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.jpa.SqlStatements;
import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the directory read cache (ADR 0018) saves the spooler, as a count rather than a timing: the
 * SELECTs on directory tables (from OpenJPA's SQL log) while mail to recipients seen before is
 * processed and delivered, with the cache and with it switched off.
 */
class DirectoryReadsIT {
    private static final Logger log = LoggerFactory.getLogger(DirectoryReadsIT.class);
    private static final int RECIPIENTS = 5;
    private static final int MESSAGES = 20;

    @Test
    void mailToKnownRecipientsReadsTheDirectoryAFractionOfTheTimesItDidWithoutTheCache(@TempDir Path dir) throws Exception {
        long cached = directoryReads(dir.resolve("cached"), Duration.ofHours(1));
        long uncached = directoryReads(dir.resolve("uncached"), Duration.ZERO);

        log.info("{} messages to {} known recipients through the spooler: {} SELECTs on directory tables without the cache, {} with it",
                MESSAGES, RECIPIENTS, uncached, cached);
        assertThat(uncached).isGreaterThanOrEqualTo(MESSAGES * 3L);
        assertThat(cached).isLessThan(uncached / 10);
    }

    /** The directory SELECTs of {@link #MESSAGES} messages, each to one of the recipients, after one message to each. */
    private static long directoryReads(Path dir, Duration cacheTtl) throws Exception {
        StorageSettings derby = TestDatabases.derby(dir.resolve("data"));
        StorageSettings settings = new StorageSettings(derby.dataDir(), derby.jdbcUrl(), derby.user(), derby.password(),
                derby.poolSize(), derby.blobDir(), derby.authCacheTtl(), cacheTtl);
        try (ProcessingSystem system = new ProcessingSystem(settings, dir)) {
            List<Account> recipients = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) recipients.add(system.account("known", 0));
            for (Account r : recipients) system.send("sender@remote.test", r.address().toString());
            system.awaitQueueDrained();   // each recipient has been routed once: the cache knows them

            long reads;
            try (SqlStatements sql = SqlStatements.counting()) {
                for (int i = 0; i < MESSAGES; i++) system.send("sender@remote.test", recipients.get(i % RECIPIENTS).address().toString());
                system.awaitQueueDrained();   // reads only queue tables, so it adds nothing to the count
                reads = sql.selectsReading(SqlStatements.DIRECTORY_TABLES);
            }
            for (Account r : recipients) assertThat(system.inbox(r.id())).hasSize(1 + MESSAGES / RECIPIENTS);
            return reads;
        }
    }
}
