package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.AuditEvent;
import io.tenmail.storage.model.TenantId;

import java.time.Instant;

/** {@code AuditEvent {id, at, actor, actorRole, tenant, action, target, client, status, detail}}. */
public record AuditEventDto(long id, Instant at, String actor, String actorRole, Long tenant, String action, String target,
                            String client, int status, String detail) {
    public static AuditEventDto from(AuditEvent e) {
        return new AuditEventDto(e.id(), e.at(), e.actor(), e.actorRole(), e.tenant().map(TenantId::value).orElse(null), e.action(),
                e.target(), e.client(), e.status(), e.detail());
    }
}
