package io.tenmail.admin.api.auth;

import java.security.Principal;

/** An authenticated caller of the admin API: a name for logs and its role. */
public record AdminPrincipal(String name, Role role) implements Principal {
    public static final AdminPrincipal PLATFORM = new AdminPrincipal("platform", Role.PLATFORM_ADMIN);

    @Override
    public String getName() {
        return name;
    }
}
