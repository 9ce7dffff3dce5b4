package io.tenmail.storage.jpa;

import io.tenmail.storage.directory.DirectoryLookup;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DirectoryLookup} over the directory tables, inside one transaction. Remembers what it
 * read, so a big expansion asks for each domain and address once. One per request, not thread-safe.
 */
final class JpaDirectoryLookup implements DirectoryLookup {
    private final EntityManager em;
    private final Map<String, Optional<LocalDomain>> domains = new HashMap<>();
    private final Map<String, Optional<Entry>> entries = new HashMap<>();

    JpaDirectoryLookup(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<LocalDomain> domain(String name) {
        return domains.computeIfAbsent(name, n -> DomainNameEntity.byName(em, n).map(DomainNameEntity::domain)
                .map(d -> new LocalDomain(d.domainId(), d.name(), d.catchAll())));
    }

    @Override
    public Optional<Entry> entry(LocalDomain domain, String localPart) {
        String key = DirectoryLookup.key(localPart, domain.name());
        Optional<Entry> cached = entries.get(key);
        if (cached != null) return cached;
        Optional<Entry> entry = AddressEntity.byKey(em, key).flatMap(this::entry);
        entries.put(key, entry);
        return entry;
    }

    @Override
    public Optional<AccountEntry> account(AccountId id) {
        return AccountEntity.find(em, id).map(JpaDirectoryLookup::accountEntry);
    }

    @Override
    public Optional<GroupEntry> group(GroupId id) {
        return GroupEntity.find(em, id).map(this::groupEntry);
    }

    private Optional<Entry> entry(AddressEntity address) {
        return switch (address.kind()) {
            case ACCOUNT -> AccountEntity.byAddress(em, address).map(JpaDirectoryLookup::accountEntry);
            case ALIAS -> AliasEntity.byAddress(em, address).map(a -> new AliasEntry(a.address().address(), targets(a)));
            case MAIL_GROUP -> GroupEntity.byAddress(em, address).map(this::groupEntry);
        };
    }

    private static AccountEntry accountEntry(AccountEntity a) {
        return new AccountEntry(a.accountId(), a.address().address(), a.enabled());
    }

    private GroupEntry groupEntry(GroupEntity g) {
        List<EmailAddress> members = GroupMemberEntity.of(em, g).stream().map(GroupMemberEntity::member).toList();
        return new GroupEntry(g.groupId(), g.address().address(), g.sendPolicy(), members);
    }

    private List<EmailAddress> targets(AliasEntity alias) {
        return AliasTargetEntity.of(em, alias).stream().map(AliasTargetEntity::target).toList();
    }
}
