package io.tenmail.storage.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tenmail.storage.StorageSettings;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The database behind the store: a connection pool, the schema migrated by Liquibase at start-up,
 * and the OpenJPA entity manager factory. The only place that knows which database it is.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String CHANGELOG = "db/changelog/db.changelog-master.xml";

    private final StorageSettings settings;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;

    public Database(StorageSettings settings) {
        this.settings = settings;
        // Derby writes its own log to ./derby.log unless told otherwise; keep it in the data directory
        if (!settings.isPostgres() && System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", settings.dataDir().resolve("derby.log").toString());
        }
        // Derby's automatic index statistics invalidate prepared statements as tables grow; the
        // recompilation of the queue's cascading DELETE then waits for locks inside a compile that
        // other transactions wait for, which Derby's deadlock detector cannot see: under SMTP intake
        // plus delivery the server stalled for minutes (lock timeouts, retried). Our statements are
        // single-index look-ups that need no cardinality statistics (ADR 0009, "Consequences").
        if (!settings.isPostgres() && System.getProperty("derby.storage.indexStats.auto") == null) {
            System.setProperty("derby.storage.indexStats.auto", "false");
        }
        this.dataSource = pool(settings);
        try {
            migrate();
            this.emf = Persistence.createEntityManagerFactory("tenmail", jpaProperties());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        log.info("database ready: {}", settings.isPostgres() ? settings.jdbcUrl() : "embedded Derby in " + settings.dataDir().resolve("db"));
    }

    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    public boolean isPostgres() {
        return settings.isPostgres();
    }

    private static HikariDataSource pool(StorageSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        if (!settings.user().isEmpty()) config.setUsername(settings.user());
        if (!settings.password().isEmpty()) config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setPoolName("tenmail-db");
        return new HikariDataSource(config);
    }

    private void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Liquibase would otherwise shut the embedded database down when it is done
            if (database instanceof DerbyDatabase derby) derby.setShutdownEmbeddedDerby(false);
            // Liquibase's default UI prints every changeset and an UPDATE SUMMARY on standard
            // output; send both to its log instead (java.util.logging, bridged to SLF4J)
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Database.class.getClassLoader()), database)) {
                    liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                    liquibase.update("");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("database schema migration failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> jpaProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("openjpa.ConnectionFactory", dataSource);
        p.put("openjpa.ConnectionFactoryMode", "local");
        p.put("openjpa.TransactionMode", "local");
        p.put("openjpa.jdbc.DBDictionary", settings.isPostgres() ? "postgres" : "derby");
        p.put("openjpa.jdbc.SynchronizeMappings", "false");   // Liquibase owns the schema
        p.put("openjpa.RuntimeUnenhancedClasses", "unsupported");
        p.put("openjpa.DataCache", "false");
        p.put("openjpa.QueryCache", "false");
        p.put("openjpa.Log", "slf4j");
        p.put("openjpa.ConnectionRetainMode", "transaction");
        p.put("openjpa.jdbc.TransactionIsolation", "read-committed");
        // no Bean Validation provider on the class path, and no constraints to check: without this
        // OpenJPA warns at every start that it "could not create the optional validation provider"
        p.put("jakarta.persistence.validation.mode", "none");
        return p;
    }

    @Override
    public void close() {
        emf.close();
        dataSource.close();
        if (!settings.isPostgres()) shutdownDerby();
    }

    private void shutdownDerby() {
        String url = settings.effectiveJdbcUrl().replace(";create=true", "") + ";shutdown=true";
        try {
            DriverManager.getConnection(url).close();
        } catch (SQLException e) {
            // Derby reports a clean database shutdown as SQLState 08006
            if (!"08006".equals(e.getSQLState())) log.warn("embedded database did not shut down cleanly: {}", e.getMessage());
        }
    }
}
