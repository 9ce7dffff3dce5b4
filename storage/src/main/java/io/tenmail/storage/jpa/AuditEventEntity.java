package io.tenmail.storage.jpa;

import io.tenmail.storage.model.AuditEvent;
import io.tenmail.storage.model.AuditQuery;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A row of AUDIT_EVENT: one change made through the admin API. Never updated. */
@Entity
@Table(name = "AUDIT_EVENT")
class AuditEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private long id;

    @Column(name = "OCCURRED", nullable = false)
    private LocalDateTime at;

    /** Lower case, so that the filter on it is an exact index match. */
    @Column(name = "ACTOR", nullable = false, length = 400)
    private String actor;

    @Column(name = "ACTOR_ROLE", nullable = false, length = 20)
    private String actorRole;

    @Column(name = "TENANT_ID")
    private Long tenantId;

    @Column(name = "ACTION", nullable = false, length = 100)
    private String action;

    @Column(name = "TARGET", nullable = false, length = 400)
    private String target;

    @Column(name = "CLIENT", nullable = false, length = 64)
    private String client;

    @Column(name = "STATUS", nullable = false)
    private int status;

    @Column(name = "DETAIL", nullable = false, length = 1000)
    private String detail;

    protected AuditEventEntity() {
    }

    AuditEventEntity(AuditEvent e) {
        this.at = DbTime.toDb(e.at());
        this.actor = e.actor().toLowerCase(Locale.ROOT);
        this.actorRole = e.actorRole();
        this.tenantId = e.tenant().map(TenantId::value).orElse(null);
        this.action = e.action();
        this.target = e.target();
        this.client = e.client();
        this.status = e.status();
        this.detail = e.detail();
    }

    /** The JPQL condition and parameters of a query, shared by the count and the page. */
    private record Where(String clause, Map<String, Object> parameters) {
        static Where of(AuditQuery q) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> p = new LinkedHashMap<>();
            q.tenant().ifPresent(t -> { conditions.add("e.tenantId = :tenant"); p.put("tenant", t.value()); });
            q.actor().ifPresent(a -> { conditions.add("e.actor = :actor"); p.put("actor", a.toLowerCase(Locale.ROOT)); });
            q.action().ifPresent(a -> {
                if (a.endsWith(".")) {
                    conditions.add("e.action LIKE :action ESCAPE '\\'");
                    p.put("action", a.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                } else {
                    conditions.add("e.action = :action");
                    p.put("action", a);
                }
            });
            q.target().ifPresent(t -> { conditions.add("LOWER(e.target) = :target"); p.put("target", t.toLowerCase(Locale.ROOT)); });
            q.from().ifPresent(f -> { conditions.add("e.at >= :from"); p.put("from", DbTime.toDb(f)); });
            q.until().ifPresent(u -> { conditions.add("e.at < :until"); p.put("until", DbTime.toDb(u)); });
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), p);
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    static long count(EntityManager em, AuditQuery q) {
        Where w = Where.of(q);
        return w.bind(em.createQuery("SELECT COUNT(e) FROM AuditEventEntity e" + w.clause(), Long.class)).getSingleResult();
    }

    static List<AuditEventEntity> page(EntityManager em, AuditQuery q, int offset, int limit) {
        Where w = Where.of(q);
        return w.bind(em.createQuery("SELECT e FROM AuditEventEntity e" + w.clause() + " ORDER BY e.at DESC, e.id DESC",
                        AuditEventEntity.class))
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    AuditEvent toModel() {
        return new AuditEvent(id, DbTime.fromDb(at), actor, actorRole, Optional.ofNullable(tenantId).map(TenantId::new), action,
                target, client, status, detail);
    }
}
