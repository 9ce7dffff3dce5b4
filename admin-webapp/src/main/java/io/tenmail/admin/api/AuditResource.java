package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.dto.AuditEventDto;
import io.tenmail.admin.api.dto.PageDto;
import io.tenmail.storage.AuditLog;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AuditEvent;
import io.tenmail.storage.model.AuditQuery;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Optional;

/**
 * /audit: the stored record of every change, newest first, filtered by actor, action (exact, or a
 * prefix ending in a dot: {@code account.}), target, time range ({@code from} inclusive,
 * {@code to} exclusive) and, for the platform administrator, tenant. A domain administrator sees
 * only the events concerning their own tenant.
 */
@Singleton
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final AuditLog audit;
    private final Scope scope;

    @Inject
    AuditResource(AuditLog audit, Scope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    @GET
    public PageDto<AuditEventDto> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                         @QueryParam("target") String target, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("tenant") String tenant,
                                         @QueryParam("offset") String offsetParam, @QueryParam("limit") String limitParam,
                                         @Context SecurityContext security) throws StoreException {
        AdminPrincipal who = Who.of(security).requireAdmin();
        int offset = Input.intParam("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = Input.intParam("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<TenantId> tenantFilter;
        if (who.isPlatform()) {
            tenantFilter = Optional.ofNullable(Input.idParam("tenant", tenant)).map(TenantId::new);
        } else {
            Long asked = Input.idParam("tenant", tenant);
            if (asked != null) scope.tenant(who, new TenantId(asked));   // another tenant's: 404
            tenantFilter = who.tenant();
        }
        AuditQuery query = new AuditQuery(tenantFilter, text(actor), text(action), text(target),
                Optional.ofNullable(blank(from)).map(f -> Input.instant("from", f)),
                Optional.ofNullable(blank(to)).map(t -> Input.instant("to", t)));
        Page<AuditEvent> page = audit.search(query, offset, limit);
        return new PageDto<>(page.items().stream().map(AuditEventDto::from).toList(), page.total(), offset, limit);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(blank(value)).map(String::strip);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
