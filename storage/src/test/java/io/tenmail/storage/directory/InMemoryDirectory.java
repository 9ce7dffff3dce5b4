package io.tenmail.storage.directory;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.SendPolicy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link DirectoryLookup} held in maps, built fluently by tests; counts the lookups it answers. */
final class InMemoryDirectory implements DirectoryLookup {
    private final Map<String, LocalDomain> domains = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private long nextId = 1;
    int entryLookups;

    InMemoryDirectory withDomain(String name, String... aliasNames) {
        LocalDomain d = new LocalDomain(new DomainId(nextId++), name, Optional.empty());
        domains.put(name, d);
        for (String alias : aliasNames) domains.put(alias, d);
        return this;
    }

    InMemoryDirectory catchAll(String domainName, String target) {
        LocalDomain old = domains.get(domainName);
        LocalDomain d = new LocalDomain(old.id(), old.name(), Optional.of(EmailAddress.parse(target)));
        domains.replaceAll((name, value) -> value.id().equals(old.id()) ? d : value);
        return this;
    }

    AccountId account(String address) {
        return account(address, true);
    }

    AccountId account(String address, boolean enabled) {
        AccountId id = new AccountId(nextId++);
        put(new AccountEntry(id, EmailAddress.parse(address), enabled));
        return id;
    }

    InMemoryDirectory alias(String address, String... targets) {
        put(new AliasEntry(EmailAddress.parse(address), addresses(targets)));
        return this;
    }

    GroupId group(String address, SendPolicy policy, String... members) {
        GroupId id = new GroupId(nextId++);
        put(new GroupEntry(id, EmailAddress.parse(address), policy, addresses(members)));
        return id;
    }

    GroupEntry groupEntry(GroupId id) {
        return group(id).orElseThrow();
    }

    private void put(Entry e) {
        entries.put(e.address().key(), e);
    }

    private static List<EmailAddress> addresses(String... a) {
        return Arrays.stream(a).map(EmailAddress::parse).toList();
    }

    @Override
    public Optional<LocalDomain> domain(String name) {
        return Optional.ofNullable(domains.get(name));
    }

    @Override
    public Optional<Entry> entry(LocalDomain domain, String localPart) {
        entryLookups++;
        return Optional.ofNullable(entries.get(DirectoryLookup.key(localPart, domain.name())));
    }

    @Override
    public Optional<AccountEntry> account(AccountId id) {
        return entries.values().stream().filter(e -> e instanceof AccountEntry a && a.id().equals(id))
                .map(AccountEntry.class::cast).findFirst();
    }

    @Override
    public Optional<GroupEntry> group(GroupId id) {
        return entries.values().stream().filter(e -> e instanceof GroupEntry g && g.id().equals(id))
                .map(GroupEntry.class::cast).findFirst();
    }
}
