package io.tenmail.admin.api;

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
 * Finds the tenant that owns what a request names, for the platform administrator, who sees every
 * tenant: an address or a domain name belongs to the tenant of its domain. When domain
 * administrators arrive (issue 6), a scope that also checks the caller's domains takes this
 * class's place; resources stay the same.
 */
final class PlatformScope {
    private final DirectoryAdmin directory;

    PlatformScope(DirectoryAdmin directory) {
        this.directory = directory;
    }

    /**
     * The domain whose primary name is {@code name} (already normalised). An alias name is not
     * the domain: it is NOT_FOUND, so that, say, DELETE of an alias name never deletes the domain.
     */
    Domain domainNamed(String name) throws StoreException {
        return directory.findDomain(name)
                .filter(d -> d.name().equals(name))
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "domain " + name + " not found"));
    }

    /** The domain (by primary or alias name) that an address belongs to. */
    Domain domainOf(EmailAddress address) throws StoreException {
        return directory.findDomain(address.domain())
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "domain " + address.domain() + " not found"));
    }

    TenantId tenantOf(EmailAddress address) throws StoreException {
        return domainOf(address).tenant();
    }

    /** Every tenant, in the order the directory lists them, for listings across tenants. */
    List<TenantId> allTenants() throws StoreException {
        return directory.tenants().stream().map(Tenant::id).toList();
    }

    /** One call of a listing port method: a tenant, and within it one domain or all. */
    record Part(TenantId tenant, Optional<DomainId> domain) {
    }

    /**
     * What the {@code domain} and {@code tenant} query parameters of a list request select: one
     * domain (which must be the tenant's when both are given), one tenant, or every tenant.
     */
    List<Part> listing(String domainParam, String tenantParam) throws StoreException {
        Long tenantId = Input.idParam("tenant", tenantParam);
        if (domainParam != null && !domainParam.isBlank()) {
            Domain d = domainNamed(Input.domainName("domain", domainParam));
            if (tenantId != null && tenantId != d.tenant().value()) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "domain " + d.name() + " not found in tenant " + tenantId);
            }
            return List.of(new Part(d.tenant(), Optional.of(d.id())));
        }
        if (tenantId != null) return List.of(new Part(new TenantId(tenantId), Optional.empty()));
        return allTenants().stream().map(t -> new Part(t, Optional.<DomainId>empty())).toList();
    }
}
