package io.tenmail.storage.jpa;

import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamLists;
import io.tenmail.storage.model.SpamPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SpamPolicies} on SPAM_POLICY, SPAM_LIST and GREYLIST. The spam filters ask for a policy
 * and lists once per check and message, so those answers come from a {@link ReadCache} (the same
 * rules as the directory's: a change committed on this node is seen at once, one by another node
 * within the time-to-live); greylisting is one short transaction per sighting. Thread-safe.
 */
public final class JpaSpamPolicies implements SpamPolicies {
    private final Transactions tx;
    private final ReadCache cache;

    private record PolicyKey(String domainName) {
    }

    private record ListsKey(EmailAddress recipient) {
    }

    /** With the default time-to-live of cached answers. */
    public JpaSpamPolicies(Transactions tx) {
        this(tx, StorageSettings.DEFAULT_DIRECTORY_CACHE_TTL);
    }

    /** @param cacheTtl how long policies and lists are kept ({@code tenmail.directory.cache-seconds}); zero for none */
    public JpaSpamPolicies(Transactions tx, Duration cacheTtl) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.cache = new ReadCache(tx.generation(CachedData.DIRECTORY), cacheTtl);
    }

    @Override
    public SpamPolicy policyFor(String domainName) throws StoreException {
        Optional<String> name = normalized(domainName);
        if (name.isEmpty()) return SpamPolicy.DEFAULT;
        return cache.get(new PolicyKey(name.get()), () -> tx.run(em -> DomainNameEntity.byName(em, name.get())
                .map(n -> em.find(SpamPolicyEntity.class, n.domain().id()))
                .map(SpamPolicyEntity::toModel)
                .orElse(SpamPolicy.DEFAULT)));
    }

    @Override
    public SpamLists listsFor(String recipientAddress) throws StoreException {
        EmailAddress address;
        try {
            address = EmailAddress.parse(recipientAddress);
        } catch (IllegalArgumentException | NullPointerException e) {
            return SpamLists.NONE;
        }
        return cache.get(new ListsKey(address), () -> tx.run(em -> {
            Optional<DomainNameEntity> name = DomainNameEntity.byName(em, address.domain());
            if (name.isEmpty()) return SpamLists.NONE;
            DomainEntity domain = name.get().domain();
            long tenant = domain.tenant().tenantId().value();
            // an address under a domain alias is the same mailbox as under the domain's own name
            Optional<AccountEntity> account = AddressEntity.byKey(em, AddressEntity.keyOf(address.localPart(), domain))
                    .flatMap(a -> AccountEntity.byAddress(em, a));
            List<SpamListEntry> own = account.isEmpty() ? List.of()
                    : SpamListEntity.of(em, tenant, account.get().id()).stream().map(SpamListEntity::toModel).toList();
            return new SpamLists(SpamListEntity.of(em, tenant, null).stream().map(SpamListEntity::toModel).toList(), own);
        }));
    }

    @Override
    public Instant greylistSighting(String tripletKey, Instant now, Duration memory) throws StoreException {
        String key = Inputs.text("tripletKey", tripletKey, 100);
        Instant at = Objects.requireNonNull(now, "now");
        Instant forgetBefore = at.minus(Objects.requireNonNull(memory, "memory"));
        try {
            return sight(key, at, forgetBefore);
        } catch (StoreException e) {
            // two first sightings at once: the other one inserted the row; this one now finds it
            if (e.reason() != StoreException.Reason.ALREADY_EXISTS) throw e;
            return sight(key, at, forgetBefore);
        }
    }

    @Override
    public long forgetGreylistBefore(Instant lastSeenBefore) throws StoreException {
        LocalDateTime before = DbTime.toDb(Objects.requireNonNull(lastSeenBefore, "lastSeenBefore"));
        // a bulk delete: GREYLIST answers are never cached (ADR 0018), so no listener needs to see it
        return tx.run(em -> (long) em.createQuery("DELETE FROM GreylistEntity g WHERE g.lastSeen < :before")
                .setParameter("before", before).executeUpdate());
    }

    private Instant sight(String key, Instant now, Instant forgetBefore) throws StoreException {
        return tx.run(em -> {
            GreylistEntity row = em.find(GreylistEntity.class, key);
            if (row == null) {
                em.persist(new GreylistEntity(key, now));
                em.flush();
                return DbTime.fromDb(DbTime.toDb(now));
            }
            return row.sight(now, forgetBefore);
        });
    }

    private static Optional<String> normalized(String domainName) {
        if (domainName == null || domainName.isBlank()) return Optional.empty();
        try {
            return Optional.of(EmailAddress.normalizeDomain(domainName.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
