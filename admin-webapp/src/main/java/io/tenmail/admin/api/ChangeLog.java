package io.tenmail.admin.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;
import java.util.Set;

/**
 * One INFO line per change request (anything but GET, HEAD and OPTIONS): who, what, the outcome
 * and the client address, e.g. {@code change who=platform what="DELETE /accounts/bob@example.test"
 * status=204 client=127.0.0.1}. Refused changes are logged too, with their status. The stored,
 * queryable audit log is {@link AuditTrail}'s; this line is for operators reading logs.
 */
public final class ChangeLog implements ContainerResponseFilter {
    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READS.contains(request.getMethod())) return;
        Principal who = request.getSecurityContext().getUserPrincipal();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        log.info("change who={} what=\"{} /{}\" status={}{} client={}",
                who == null ? "anonymous" : who.getName(), request.getMethod(), request.getUriInfo().getPath(),
                response.getStatus(), location == null ? "" : " created=" + location, servletRequest.getRemoteAddr());
    }
}
