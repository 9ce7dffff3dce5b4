package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.Protocol;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code Account {id, tenant, address, displayName, enabled, quotaBytes, usedBytes?, protocols,
 * appPasswordRequired, created}}; usedBytes is null when the server has no mailbox store to ask.
 */
public record AccountDto(long id, long tenant, String address, String displayName, boolean enabled, long quotaBytes,
                         Long usedBytes, List<String> protocols, boolean appPasswordRequired, Instant created) {
    public static AccountDto from(Account a, Long usedBytes) {
        return new AccountDto(a.id().value(), a.tenant().value(), a.address().toString(), a.displayName(), a.enabled(),
                a.quotaBytes(), usedBytes, names(a.protocols()), a.appPasswordRequired(), a.created());
    }

    /** Protocol names in their declared order (SMTP, IMAP, POP3), so output is stable. */
    static List<String> names(Set<Protocol> protocols) {
        return protocols.stream().sorted().map(Protocol::name).toList();
    }
}
