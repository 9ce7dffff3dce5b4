package io.tenmail.storage.model;

import java.util.List;

/** A group mailbox: mail to its address reaches every member once. */
public record Group(GroupId id, TenantId tenant, EmailAddress address, String displayName,
                    List<EmailAddress> members, SendPolicy sendPolicy) {
    public Group {
        members = List.copyOf(members);
    }
}
