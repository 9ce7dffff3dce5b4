package io.tenmail.storage.jpa;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Entity listener on every entity a {@link ReadCache} answer is read from: notes, for the unit of
 * work running on this thread, that such data changed, so that {@link Transactions} advances the
 * {@link Generation} of its kind once the unit has committed. Catching the change at the entity
 * rather than in each writer (directory administration, self-service, the CLI, tenant
 * suspension, spam lists, Bayes training) means a new writer cannot forget it. Bulk JPQL or SQL
 * updates bypass listeners: none touches these tables (the password-hash upgrade touches a column
 * no cached answer holds).
 */
public class CachedDataListener {

    /** For the JPA provider, which creates the listener. */
    public CachedDataListener() {
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        Transactions.noteChanged(CachedData.of(entity));
    }
}
