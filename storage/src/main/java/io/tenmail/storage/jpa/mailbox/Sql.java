package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the connection of the current {@code Transactions} unit, for the write paths where
 * OpenJPA's entity life cycle costs more than the statements (ADR 0021): APPEND and delivery,
 * STORE and EXPUNGE. OpenJPA keeps the connection for the transaction
 * ({@code openjpa.ConnectionRetainMode=transaction}); SQL failures become
 * PersistenceExceptions, which {@code Transactions} classifies by their SQLState. The connection
 * comes from {@link Transactions#connection}, which begins the datastore transaction first. No OpenJPA
 * cache holds these tables (DataCache and QueryCache are off) and no {@code ReadCache} is read
 * from them, so writing past the entities leaves nothing stale; the unit of work must not have
 * loaded the rows it writes as entities.
 *
 * <p>The two dialect differences: a row lock is {@code FOR UPDATE WITH RR} on Derby (what OpenJPA
 * sends for a pessimistic lock: under READ COMMITTED a plain FOR UPDATE lock ends with the
 * cursor) and {@code FOR UPDATE} on PostgreSQL; and PostgreSQL returns the values an UPDATE wrote
 * with RETURNING, where Derby reads the row again.
 */
final class Sql {
    /** A NULL bound as VARCHAR. */
    static final Object NULL_TEXT = new Object();

    /** JDBC work inside the unit of work's transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Sql sql) throws SQLException, StoreException;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final boolean postgres;

    private Sql(Connection connection) throws SQLException {
        this.connection = connection;
        this.postgres = connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /** Runs {@code work} on the connection of {@code em}'s transaction (not closed: the EntityManager owns it). */
    static <T> T run(EntityManager em, Work<T> work) throws StoreException {
        try {
            return work.run(new Sql(Transactions.connection(em)));
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    boolean postgres() {
        return postgres;
    }

    /** The clause that locks the selected rows until the end of the transaction. */
    String forUpdate() {
        return postgres ? " FOR UPDATE" : " FOR UPDATE WITH RR";
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** The rows of a query, or of an UPDATE ... RETURNING on PostgreSQL. */
    <T> List<T> list(String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) result.add(row.read(rs));
                return result;
            }
        }
    }

    <T> Optional<T> first(String sql, Row<T> row, Object... parameters) throws SQLException {
        List<T> rows = list(sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            switch (parameters[i]) {
                case Long l -> statement.setLong(index, l);
                case Integer n -> statement.setInt(index, n);
                case String s -> statement.setString(index, s);
                case Object o when o == NULL_TEXT -> statement.setNull(index, Types.VARCHAR);
                default -> throw new IllegalArgumentException("unexpected parameter " + parameters[i]);
            }
        }
    }

    /** {@code value}, or {@link #NULL_TEXT} when it is null. */
    static Object text(String value) {
        return value == null ? NULL_TEXT : value;
    }
}
