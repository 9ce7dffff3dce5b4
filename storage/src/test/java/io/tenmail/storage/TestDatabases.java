package io.tenmail.storage;

import io.tenmail.storage.jpa.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Databases for tests: embedded Derby in a temporary directory, or a fresh database on the
 * PostgreSQL server named by {@code TENMAIL_TEST_PG_URL} (started by {@code scripts/with-postgres}).
 */
public final class TestDatabases {
    private static final String PG_URL = System.getenv("TENMAIL_TEST_PG_URL");
    private static final String PG_USER = System.getenv().getOrDefault("TENMAIL_TEST_PG_USER", "");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("TENMAIL_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    /**
     * Embedded Derby under {@code dataDir}, already migrated: a copy of a database created once
     * per JVM. Creating and migrating a Derby database takes seconds, copying the files of one
     * that is shut down takes milliseconds, and tests that want a database each stay fast. A
     * database already under {@code dataDir} is kept, so calling this twice is harmless.
     */
    public static StorageSettings derby(Path dataDir) {
        Path db = dataDir.resolve("db");
        if (!Files.exists(db)) copyTree(DerbyTemplate.DB, db);
        return StorageSettings.embedded(dataDir);
    }

    /** A migrated, cleanly shut down Derby database, made on first use. */
    private static final class DerbyTemplate {
        static final Path DB = create();

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory("tenmail-derby-template");
                new Database(StorageSettings.embedded(dir)).close();   // close() shuts that database down
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                return dir.resolve("db");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Derby template database to " + to, e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless; nothing to report at JVM exit
        }
    }

    /** Whether a PostgreSQL server was provided; tests on PostgreSQL are skipped without one. */
    public static boolean postgresAvailable() {
        return PG_URL != null && !PG_URL.isBlank();
    }

    /** A new, empty PostgreSQL database of its own, so tests never see each other's rows. */
    public static StorageSettings freshPostgres(Path dataDir) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + PG_URL, e);
        }
        String url = PG_URL.substring(0, PG_URL.lastIndexOf('/') + 1) + name;
        return new StorageSettings(dataDir, url, PG_USER, PG_PASSWORD, 16, null);
    }
}
