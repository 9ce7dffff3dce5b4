package io.tenmail.storage.model;

import java.util.List;

/** An address that forwards to one or more addresses: local accounts, other aliases, groups or external. */
public record Alias(AliasId id, TenantId tenant, EmailAddress address, List<EmailAddress> targets) {
    public Alias {
        targets = List.copyOf(targets);
    }
}
