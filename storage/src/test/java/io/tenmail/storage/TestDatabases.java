package io.tenmail.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

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

    public static StorageSettings derby(Path dataDir) {
        return StorageSettings.embedded(dataDir);
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
