package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.Alias;
import io.tenmail.storage.model.EmailAddress;

import java.util.List;

/** {@code Alias {id, tenant, address, targets}}. */
public record AliasDto(long id, long tenant, String address, List<String> targets) {
    public static AliasDto from(Alias a) {
        return new AliasDto(a.id().value(), a.tenant().value(), a.address().toString(),
                a.targets().stream().map(EmailAddress::toString).toList());
    }
}
