package io.tenmail.storage.jpa;

import jakarta.persistence.EntityManager;

/**
 * Counts rows with plain SQL, for tests that check what the database holds behind a port (rows
 * removed by a cascading foreign key, rows shared between messages).
 */
public final class RowCounter {
    private final Database database;

    public RowCounter(Database database) {
        this.database = database;
    }

    /** {@code SELECT COUNT(*) FROM table [WHERE where]}, with {@code ?1, ?2...} bound to {@code params}. */
    public long count(String table, String where, Object... params) {
        EntityManager em = database.entityManagerFactory().createEntityManager();
        try {
            var query = em.createNativeQuery("SELECT COUNT(*) FROM " + table + (where.isEmpty() ? "" : " WHERE " + where));
            for (int i = 0; i < params.length; i++) query.setParameter(i + 1, params[i]);
            return ((Number) query.getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }
}
