package io.tenmail.admin.api.auth;

import io.tenmail.admin.api.errors.AccessDeniedException;
import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.ApiTokenId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.TenantId;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated caller of the admin API: its role, and for anyone but the platform
 * administrator the account (and so the tenant) it acts as. The service layer asks this record,
 * never the transport, what the caller may see.
 *
 * @param name    for logs and the audit log: the account's address, {@code platform}, or {@code token:<id>}
 * @param token   the API token used, when {@code via} is API_TOKEN
 */
public record AdminPrincipal(String name, Role role, Optional<TenantId> tenant, Optional<AccountId> account,
                             Optional<EmailAddress> address, Via via, Optional<ApiTokenId> token) implements Principal {
    public static final AdminPrincipal PLATFORM = platform(Via.PLATFORM_TOKEN, Optional.empty());

    public AdminPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (role != Role.PLATFORM_ADMIN && (tenant.isEmpty() || account.isEmpty() || address.isEmpty())) {
            throw new IllegalArgumentException("a " + role + " acts as an account of a tenant");
        }
    }

    public static AdminPrincipal platform(Via via, Optional<ApiTokenId> token) {
        return new AdminPrincipal(token.map(t -> "token:" + t.value()).orElse("platform"), Role.PLATFORM_ADMIN,
                Optional.empty(), Optional.empty(), Optional.empty(), via, token);
    }

    public static AdminPrincipal account(Role role, TenantId tenant, AccountId account, EmailAddress address, Via via,
                                         Optional<ApiTokenId> token) {
        return new AdminPrincipal(address.toString(), role, Optional.of(tenant), Optional.of(account), Optional.of(address), via, token);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean isPlatform() {
        return role == Role.PLATFORM_ADMIN;
    }

    /** Whether the caller may see and change things of {@code t}. */
    public boolean administers(TenantId t) {
        return isPlatform() || (role == Role.DOMAIN_ADMIN && tenant.orElseThrow().equals(t));
    }

    /** Platform or domain administrator; users get 403. */
    public AdminPrincipal requireAdmin() {
        if (role == Role.USER) throw new AccessDeniedException("administrators only; use /self for your own account");
        return this;
    }

    public AdminPrincipal requirePlatform() {
        if (!isPlatform()) throw new AccessDeniedException("the platform administrator only");
        return this;
    }

    /** The owner of the API tokens this caller creates and sees. */
    public ApiTokens.Owner tokenOwner() {
        return isPlatform() ? ApiTokens.Owner.PLATFORM : ApiTokens.Owner.account(tenant.orElseThrow(), account.orElseThrow());
    }
}
