package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.apache.openjpa.persistence.OpenJPAEntityManager;
import org.apache.openjpa.persistence.OpenJPAEntityManagerFactory;
import org.apache.openjpa.persistence.OpenJPAEntityManagerFactorySPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs units of work in one transaction each, with a fresh EntityManager, and turns database
 * failures into {@link StoreException}s: a unique-key violation is ALREADY_EXISTS, a deadlock or
 * serialization failure is retried a few times and then TEMPORARY, a row still referenced
 * by a foreign key is IN_USE, a lost connection TEMPORARY.
 *
 * <p>When a unit of work changed data that {@link ReadCache}s hold answers from (noted by
 * {@link CachedDataListener}), the {@link Generation} of that data advances after the transaction
 * has ended, never before the commit: a reader that started earlier cannot store what it read
 * under the new generation. The generations belong to the database (the EntityManagerFactory),
 * so every Transactions on it shares them.
 * Thread-safe.
 */
public final class Transactions {
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 5;

    private static final Object GENERATIONS_KEY = Transactions.class.getName() + ".generations";

    /** What the unit of work running on this thread has changed of {@link CachedData}; null outside a unit. */
    private static final ThreadLocal<Set<CachedData>> CHANGED = new ThreadLocal<>();

    private final EntityManagerFactory emf;
    private final Map<CachedData, Generation> generations;
    /** The pool OpenJPA draws from ({@link Database} configures it), for {@link #jdbc}. */
    private final DataSource dataSource;

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
        this.generations = generationsOf(emf);
        Object factory = emf.unwrap(OpenJPAEntityManagerFactorySPI.class).getConfiguration().getConnectionFactory();
        if (!(factory instanceof DataSource pool)) throw new IllegalArgumentException("the EntityManagerFactory has no DataSource: " + factory);
        this.dataSource = pool;
    }

    /** The generation of this kind of data in this database. */
    Generation generation(CachedData data) {
        return generations.get(data);
    }

    /** Called by {@link CachedDataListener} while a unit of work flushes a change. */
    static void noteChanged(CachedData data) {
        Set<CachedData> changed = CHANGED.get();
        if (changed != null) changed.add(data);
    }

    @SuppressWarnings("unchecked")
    private static Map<CachedData, Generation> generationsOf(EntityManagerFactory emf) {
        OpenJPAEntityManagerFactory factory = emf.unwrap(OpenJPAEntityManagerFactory.class);
        synchronized (factory) {
            Object existing = factory.getUserObject(GENERATIONS_KEY);
            if (existing != null) return (Map<CachedData, Generation>) existing;
            Map<CachedData, Generation> created = new EnumMap<>(CachedData.class);
            for (CachedData data : CachedData.values()) created.put(data, new Generation());
            factory.putUserObject(GENERATIONS_KEY, created);
            return created;
        }
    }

    /** A unit of work; it may throw StoreException to roll back with that outcome. */
    @FunctionalInterface
    public interface Work<T> {
        T run(EntityManager em) throws StoreException;
    }

    /**
     * The JDBC connection of {@code em}'s transaction, for plain statements inside a unit of work:
     * they commit and roll back with it. Begins OpenJPA's datastore transaction first: OpenJPA's
     * transactions are optimistic, and until something flushes, the connection it hands out is
     * outside the transaction it commits (statements on it would not be committed with the unit,
     * nor hold their locks until its end). Not to be closed: the EntityManager owns it.
     */
    public static Connection connection(EntityManager em) {
        OpenJPAEntityManager openJpa = em.unwrap(OpenJPAEntityManager.class);
        openJpa.beginStore();
        return (Connection) openJpa.getConnection();
    }

    /** Plain statements on a connection in a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException, StoreException;
    }

    /**
     * Runs plain statements in a transaction of their own, like {@link #run} (the same retries and
     * failure translation), on a connection straight from the pool: creating, beginning,
     * committing and closing an EntityManager cost about a quarter of the CPU of a queue insert.
     * Only for statements on tables that no {@link ReadCache} answers from, as nothing advances
     * their generations.
     */
    public <T> T jdbc(SqlWork<T> work) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | StoreException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                String state = e.getSQLState();
                if (isRetryable(state) && attempt < ATTEMPTS) {
                    log.debug("transaction conflict (SQLState {}), attempt {} of {}", state, attempt, ATTEMPTS);
                    continue;
                }
                throw translate(new PersistenceException(e.getMessage(), e), state);
            }
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);   // the pool discards a connection it cannot reset
        }
    }

    /** Runs {@code work} in a transaction, committing if it returns and rolling back if it throws. */
    public <T> T run(Work<T> work) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            Set<CachedData> outer = CHANGED.get();   // a unit may run another one inside it
            Set<CachedData> changed = EnumSet.noneOf(CachedData.class);
            CHANGED.set(changed);
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
                if (outer == null) CHANGED.remove(); else CHANGED.set(outer);
                // after the commit (or a rollback: advancing needlessly costs a few reads, never a stale answer)
                for (CachedData data : changed) generations.get(data).advance();
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
