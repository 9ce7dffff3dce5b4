package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.storage.AuditLog;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AuditEvent;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stores an {@link AuditEvent} for every call of an {@link Audited} resource method by a known
 * caller (or a login attempt), whether it succeeded or was refused: who, what, when, from which
 * address, on what, and the status. Runs first among the request filters, to start the request's
 * {@link AuditNotes}, and records after the response is decided.
 *
 * <p>The event is written after the change, in its own transaction: a change whose event cannot
 * be written is not undone, but is logged at ERROR with everything the event would have held, so
 * the log keeps what the table missed.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class AuditTrail implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditLog auditLog;
    private final Clock clock;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    public AuditTrail(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AuditNotes.begin();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<AuditNotes> notes = AuditNotes.end();
        Method method = resourceInfo.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        if (audited == null || notes.isEmpty()) return;
        AuditNotes n = notes.get();
        AdminPrincipal who = request.getSecurityContext().getUserPrincipal() instanceof AdminPrincipal p ? p : null;
        if (who == null && n.actor.isEmpty()) return;   // refused before anyone was named: nothing changed, nobody to name
        String actor = n.actor.orElseGet(() -> who.name());
        String role = n.actorRole.orElse(who == null ? "NONE" : who.role().name());
        AuditEvent event = new AuditEvent(0, clock.instant(), actor, role, n.tenant.or(() -> who == null ? Optional.empty() : who.tenant()),
                audited.value(), n.target.orElseGet(() -> target(request, response)), servletRequest.getRemoteAddr(),
                response.getStatus(), n.detail);
        try {
            auditLog.record(event);
        } catch (StoreException | RuntimeException e) {
            log.error("audit event not stored ({}): {}", e.getMessage(), event);
        }
    }

    /** The path's keys ({@code alice@example.com}, {@code alice@example.com/7}), else the created resource's. */
    private static String target(ContainerRequestContext request, ContainerResponseContext response) {
        List<String> keys = request.getUriInfo().getPathParameters().values().stream().flatMap(List::stream).toList();
        if (!keys.isEmpty()) return keys.stream().collect(Collectors.joining("/"));
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        if (location != null) {
            String path = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
            return java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
        return "";
    }
}
