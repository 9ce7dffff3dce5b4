package io.tenmail.storage.model;

import java.util.List;
import java.util.Set;

/**
 * What a recipient address expands to after aliases, groups, domain aliases and catch-all.
 *
 * @param kind      whether the address is local, an unknown local user, or not ours (relay)
 * @param accounts  local accounts to deliver to, de-duplicated
 * @param external  addresses outside our domains to forward to, de-duplicated
 * @param groups    the group mailboxes the expansion passed through, whose sending policies the
 *                  caller checks with {@code Directory.mayPost}
 */
public record Resolution(Kind kind, Set<AccountId> accounts, List<EmailAddress> external, List<GroupId> groups) {

    public enum Kind {
        /** the address is ours and leads to at least one mailbox or external address */
        LOCAL,
        /** the domain is ours but nothing answers to the local part */
        UNKNOWN_LOCAL,
        /** the domain is not one of ours */
        NOT_LOCAL
    }

    public Resolution {
        accounts = Set.copyOf(accounts);
        external = List.copyOf(external);
        groups = List.copyOf(groups);
    }

    public static Resolution notLocal() {
        return new Resolution(Kind.NOT_LOCAL, Set.of(), List.of(), List.of());
    }

    public static Resolution unknownLocal() {
        return new Resolution(Kind.UNKNOWN_LOCAL, Set.of(), List.of(), List.of());
    }

    public boolean isLocal() {
        return kind == Kind.LOCAL;
    }
}
