package io.tenmail.storage;

import io.tenmail.storage.model.AuditEvent;
import io.tenmail.storage.model.AuditQuery;
import io.tenmail.storage.model.Page;

/**
 * The stored record of every change made through the admin API. Append-only: nothing here
 * changes or deletes an event. Thread-safe; each method is one transaction.
 *
 * <p>Reasons thrown: INVALID (a field too long or a bad page), TEMPORARY.
 */
public interface AuditLog {

    /** Stores an event (its id is ignored) and returns it with the id it got. */
    AuditEvent record(AuditEvent event) throws StoreException;

    /** Events matching {@code query}, newest first. */
    Page<AuditEvent> search(AuditQuery query, int offset, int limit) throws StoreException;
}
