package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;

import java.util.List;

/** {@code Domain {id, tenant, name, aliases, catchAll}}; catchAll is null when there is none. */
public record DomainDto(long id, long tenant, String name, List<String> aliases, String catchAll) {
    public static DomainDto from(Domain d) {
        return new DomainDto(d.id().value(), d.tenant().value(), d.name(), d.aliases(),
                d.catchAll().map(EmailAddress::toString).orElse(null));
    }
}
