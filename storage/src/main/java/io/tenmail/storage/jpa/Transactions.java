package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Runs units of work in one transaction each, with a fresh EntityManager, and turns database
 * failures into {@link StoreException}s: a unique-key violation is ALREADY_EXISTS, a deadlock or
 * serialization failure is retried a few times and then TEMPORARY, a row still referenced
 * by a foreign key is IN_USE, a lost connection TEMPORARY.
 * Thread-safe.
 */
public final class Transactions {
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 5;

    private final EntityManagerFactory emf;

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** A unit of work; it may throw StoreException to roll back with that outcome. */
    @FunctionalInterface
    public interface Work<T> {
        T run(EntityManager em) throws StoreException;
    }

    /** Runs {@code work} in a transaction, committing if it returns and rolling back if it throws. */
    public <T> T run(Work<T> work) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                T result = work.run(em);
                em.getTransaction().commit();
                return result;
            } catch (PersistenceException e) {
                String state = sqlState(e);
                if (isRetryable(state) && attempt < ATTEMPTS) {
                    log.debug("transaction conflict (SQLState {}), attempt {} of {}", state, attempt, ATTEMPTS);
                    continue;
                }
                throw translate(e, state);
            } finally {
                if (em.getTransaction().isActive()) em.getTransaction().rollback();
                em.close();
            }
        }
    }

    private static StoreException translate(PersistenceException e, String state) {
        if ("23503".equals(state)) {
            // a foreign key still points at the row: something else uses it
            return new StoreException(Reason.IN_USE, "in use", e);
        }
        if (state != null && state.startsWith("23")) {
            return new StoreException(Reason.ALREADY_EXISTS, "already exists", e);
        }
        if (isRetryable(state)) {
            return new StoreException(Reason.TEMPORARY, "database busy, try again", e);
        }
        log.error("database failure (SQLState {})", state, e);
        return new StoreException(Reason.TEMPORARY, "database unavailable", e);
    }

    /** Deadlock, serialization failure or lock timeout: the same work may succeed when run again. */
    private static boolean isRetryable(String state) {
        return state != null && (state.equals("40001") || state.equals("40P01") || state.equals("40XL1") || state.equals("40XL2"));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return sql.getSQLState();
            if (t.getCause() == t) break;
        }
        return null;
    }
}
