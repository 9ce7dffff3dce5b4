package io.tenmail.admin.it;

import io.tenmail.storage.StorageSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on the server named by TENMAIL_TEST_PG_URL (scripts/with-postgres),
 * as storage's TestDatabases makes them; without that variable the API tests run on Derby.
 */
final class PostgresDatabase {
    private static final String URL = System.getenv("TENMAIL_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("TENMAIL_TEST_PG_USER", "");
    private static final String PASSWORD = System.getenv().getOrDefault("TENMAIL_TEST_PG_PASSWORD", "");

    private PostgresDatabase() {
    }

    static boolean available() {
        return URL != null && !URL.isBlank();
    }

    static StorageSettings fresh(Path dataDir) {
        String name = "admin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + URL, e);
        }
        return new StorageSettings(dataDir, URL.substring(0, URL.lastIndexOf('/') + 1) + name, USER, PASSWORD, 16, null);
    }
}
