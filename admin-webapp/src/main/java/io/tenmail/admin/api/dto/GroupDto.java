package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Group;

import java.util.List;

/** {@code Group {id, tenant, address, displayName, members, sendPolicy}}. */
public record GroupDto(long id, long tenant, String address, String displayName, List<String> members, String sendPolicy) {
    public static GroupDto from(Group g) {
        return new GroupDto(g.id().value(), g.tenant().value(), g.address().toString(), g.displayName(),
                g.members().stream().map(EmailAddress::toString).toList(), g.sendPolicy().name());
    }
}
