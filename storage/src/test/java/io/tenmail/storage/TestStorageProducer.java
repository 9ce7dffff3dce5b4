package io.tenmail.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Produces {@link StorageSettings} for in-container (Arquillian) tests: embedded Derby in a fresh
 * directory under the build's {@code target/}, which {@code mvn clean} removes. (A directory in
 * /tmp could not be deleted safely: CDI gives no order between disposing these settings and
 * closing the database that uses them.) Add this class to a test deployment next to the beans
 * under test.
 */
@ApplicationScoped
public class TestStorageProducer {

    @Produces
    @Singleton
    StorageSettings settings() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return TestDatabases.derby(Files.createTempDirectory(target, "arquillian-data-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the test", e);
        }
    }
}
