package io.tenmail.storage.directory;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.SendPolicy;

import java.util.List;
import java.util.Optional;

/**
 * The few reads {@link RecipientResolver} needs, platform-wide (mail is routed across tenants
 * like any other delivery). Implemented over the database by the {@code jpa} package and by a map
 * in tests. Implementations need not be thread-safe: a resolver uses one lookup per request.
 */
public interface DirectoryLookup {

    /** The local domain that answers to {@code name}, its own name or one of its alias names. */
    Optional<LocalDomain> domain(String name);

    /**
     * What answers to {@code localPart} (compared case-insensitively) in {@code domain}: an account,
     * an alias or a group, whose address is spelled in the domain's own name.
     */
    Optional<Entry> entry(LocalDomain domain, String localPart);

    /** The account with this id. */
    Optional<AccountEntry> account(AccountId id);

    /** The group with this id. */
    Optional<GroupEntry> group(GroupId id);

    /**
     * A domain of ours.
     *
     * @param name     the domain's own (primary) name, normalised
     * @param catchAll where mail for local parts nobody answers to goes
     */
    record LocalDomain(DomainId id, String name, Optional<EmailAddress> catchAll) {
    }

    /** Something that answers to an address. */
    sealed interface Entry permits AccountEntry, AliasEntry, GroupEntry {
        EmailAddress address();
    }

    /** A mailbox account; a disabled one receives no mail. */
    record AccountEntry(AccountId id, EmailAddress address, boolean enabled) implements Entry {
    }

    /** An alias and the addresses it forwards to, local or external. */
    record AliasEntry(EmailAddress address, List<EmailAddress> targets) implements Entry {
        public AliasEntry {
            targets = List.copyOf(targets);
        }
    }

    /** A group mailbox, its members (local or external addresses) and who may post to it. */
    record GroupEntry(GroupId id, EmailAddress address, SendPolicy policy, List<EmailAddress> members) implements Entry {
        public GroupEntry {
            members = List.copyOf(members);
        }
    }

    /** The case-insensitive key of {@code localPart} in the domain named {@code domainName}. */
    static String key(String localPart, String domainName) {
        return new EmailAddress(localPart, domainName).key();
    }
}
