package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain statements on {@link Transactions#connection} belong to the unit of work (ADR 0021). */
class TransactionsConnectionIT {

    @Test
    void statementsOnTheUnitsConnectionCommitAndRollBackWithTheUnit(@TempDir Path dir) throws Exception {
        try (Database database = new Database(TestDatabases.derby(dir))) {
            Transactions tx = new Transactions(database.entityManagerFactory());
            assertThatThrownBy(() -> tx.run(em -> {
                insert(Transactions.connection(em), "rolled-back");
                throw new StoreException(Reason.INVALID, "the unit fails after the statement");
            })).isInstanceOf(StoreException.class);
            tx.run(em -> insert(Transactions.connection(em), "committed"));

            boolean rolledBack = !tx.run(em -> exists(Transactions.connection(em), "rolled-back"));
            boolean committed = tx.run(em -> exists(Transactions.connection(em), "committed"));
            boolean autoCommit = tx.run(em -> autoCommit(Transactions.connection(em)));
            assertThat(rolledBack).isTrue();
            assertThat(committed).isTrue();
            assertThat(autoCommit).isFalse();
        }
    }

    private static Void insert(Connection c, String blob) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO PARSED_MESSAGE (BLOB_ID, STRUCTURE_JSON) VALUES (?, '{}')")) {
            s.setString(1, blob);
            s.executeUpdate();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(Connection c, String blob) {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM PARSED_MESSAGE WHERE BLOB_ID = ?")) {
            s.setString(1, blob);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean autoCommit(Connection c) {
        try {
            return c.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
