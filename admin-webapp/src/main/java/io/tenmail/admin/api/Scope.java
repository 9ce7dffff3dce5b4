package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * The service layer's one gate between a caller and the directory: finds the tenant that owns
 * what a request names and checks that the caller administers it. The platform administrator sees
 * every tenant; a domain administrator only their own, and anything of another tenant is
 * NOT_FOUND, exactly as if it did not exist (so ids and names of other tenants cannot even be
 * probed); users are refused (403) before anything is looked up. Each method also notes the
 * tenant for the audit log. Thread-safe (stateless).
 */
final class Scope {
    private final DirectoryAdmin directory;

    Scope(DirectoryAdmin directory) {
        this.directory = directory;
    }

    private static StoreException notFound(String what) {
        return new StoreException(StoreException.Reason.NOT_FOUND, what + " not found");
    }

    /** The tenant, if the caller administers it. */
    Tenant tenant(AdminPrincipal who, TenantId id) throws StoreException {
        who.requireAdmin();
        if (!who.administers(id)) throw notFound("tenant " + id.value());
        AuditNotes.tenant(id);
        return directory.tenant(id);
    }

    /**
     * The domain whose primary name is {@code name} (already normalised). An alias name is not
     * the domain: it is NOT_FOUND, so that, say, DELETE of an alias name never deletes the domain.
     */
    Domain domainNamed(AdminPrincipal who, String name) throws StoreException {
        who.requireAdmin();
        Domain d = directory.findDomain(name)
                .filter(x -> x.name().equals(name))
                .filter(x -> who.administers(x.tenant()))
                .orElseThrow(() -> notFound("domain " + name));
        AuditNotes.tenant(d.tenant());
        return d;
    }

    /** The domain (by primary or alias name) that an address belongs to, if the caller administers it. */
    Domain domainOf(AdminPrincipal who, EmailAddress address) throws StoreException {
        who.requireAdmin();
        Domain d = directory.findDomain(address.domain())
                .filter(x -> who.administers(x.tenant()))
                .orElseThrow(() -> notFound("domain " + address.domain()));
        AuditNotes.tenant(d.tenant());
        AuditNotes.targetIfAbsent(address.toString());
        return d;
    }

    TenantId tenantOf(AdminPrincipal who, EmailAddress address) throws StoreException {
        return domainOf(who, address).tenant();
    }

    /** The tenants the caller administers: every one for the platform administrator. */
    List<TenantId> tenants(AdminPrincipal who) throws StoreException {
        who.requireAdmin();
        if (who.isPlatform()) return directory.tenants().stream().map(Tenant::id).toList();
        return List.of(who.tenant().orElseThrow());
    }

    /** One call of a listing port method: a tenant, and within it one domain or all. */
    record Part(TenantId tenant, Optional<DomainId> domain) {
    }

    /**
     * What the {@code domain} and {@code tenant} query parameters of a list request select, within
     * what the caller administers: one domain (which must be the tenant's when both are given),
     * one tenant, or every tenant the caller administers.
     */
    List<Part> listing(AdminPrincipal who, String domainParam, String tenantParam) throws StoreException {
        who.requireAdmin();
        Long tenantId = Input.idParam("tenant", tenantParam);
        if (domainParam != null && !domainParam.isBlank()) {
            Domain d = domainNamed(who, Input.domainName("domain", domainParam));
            if (tenantId != null && tenantId != d.tenant().value()) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "domain " + d.name() + " not found in tenant " + tenantId);
            }
            return List.of(new Part(d.tenant(), Optional.of(d.id())));
        }
        if (tenantId != null) {
            TenantId t = new TenantId(tenantId);
            if (!who.administers(t)) throw notFound("tenant " + tenantId);
            return List.of(new Part(t, Optional.empty()));
        }
        return tenants(who).stream().map(t -> new Part(t, Optional.<DomainId>empty())).toList();
    }
}
