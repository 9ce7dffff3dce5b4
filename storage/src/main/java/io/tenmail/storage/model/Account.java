package io.tenmail.storage.model;

import java.time.Instant;
import java.util.Set;

/**
 * A user's mailbox account. The password hash never leaves storage.
 *
 * @param quotaBytes            storage quota, 0 for unlimited
 * @param protocols             the client protocols switched on for this account
 * @param appPasswordRequired   when true, client protocols accept only app passwords
 */
public record Account(AccountId id, TenantId tenant, DomainId domain, EmailAddress address, String displayName,
                      boolean enabled, long quotaBytes, Set<Protocol> protocols, boolean appPasswordRequired,
                      Instant created) {
    public Account {
        protocols = Set.copyOf(protocols);
    }
}
