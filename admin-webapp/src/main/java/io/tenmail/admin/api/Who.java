package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import jakarta.ws.rs.core.SecurityContext;

/** The caller of the current request, as {@link io.tenmail.admin.api.auth.AuthenticationFilter} set it. */
final class Who {
    private Who() {
    }

    static AdminPrincipal of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof AdminPrincipal p) return p;
        // only @PermitAll methods run without a caller, and they do not ask
        throw new IllegalStateException("no authenticated caller");
    }
}
