package io.tenmail.storage.model;

import java.util.List;
import java.util.Optional;

/**
 * A mail domain owned by one tenant.
 *
 * @param aliases  other domain names whose mail is delivered as if addressed to this domain
 * @param catchAll where mail for unknown local parts goes (an address in any domain), if anywhere
 */
public record Domain(DomainId id, TenantId tenant, String name, List<String> aliases, Optional<EmailAddress> catchAll) {
    public Domain {
        aliases = List.copyOf(aliases);
    }
}
