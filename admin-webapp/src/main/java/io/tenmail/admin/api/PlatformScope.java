package io.tenmail.admin.api;

import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;

import java.util.List;

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
}
