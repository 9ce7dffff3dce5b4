package io.tenmail.storage.jpa;

import io.tenmail.storage.AuditLog;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AuditEvent;
import io.tenmail.storage.model.AuditQuery;
import io.tenmail.storage.model.Page;

import java.util.Objects;

import static io.tenmail.storage.jpa.Inputs.invalid;

/** {@link AuditLog} on the AUDIT_EVENT table. Thread-safe. */
public final class JpaAuditLog implements AuditLog {
    static final int MAX_PAGE = 1000;

    private final Transactions tx;

    public JpaAuditLog(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public AuditEvent record(AuditEvent event) throws StoreException {
        Objects.requireNonNull(event, "event");
        // Long values are cut rather than refused: an over-long path must not lose the record of a change.
        AuditEvent e = new AuditEvent(0, event.at(), cut(event.actor(), 400), cut(event.actorRole(), 20), event.tenant(),
                cut(event.action(), 100), cut(event.target(), 400), cut(event.client(), 64), event.status(), cut(event.detail(), 1000));
        return tx.run(em -> {
            AuditEventEntity entity = new AuditEventEntity(e);
            em.persist(entity);
            em.flush();
            return entity.toModel();
        });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public Page<AuditEvent> search(AuditQuery query, int offset, int limit) throws StoreException {
        Objects.requireNonNull(query, "query");
        if (offset < 0) throw invalid("offset", "must not be negative");
        if (limit < 1 || limit > MAX_PAGE) throw invalid("limit", "must be between 1 and " + MAX_PAGE);
        return tx.run(em -> new Page<>(AuditEventEntity.page(em, query, offset, limit).stream().map(AuditEventEntity::toModel).toList(),
                AuditEventEntity.count(em, query), offset, limit));
    }
}
