package io.tenmail.storage.jpa;

import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.dkim.DkimKeyPairs;
import io.tenmail.storage.model.DkimKey;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DkimKeys} on the DKIM_KEY table. Keys are generated outside the transaction (RSA
 * generation takes CPU time that should not hold a connection). Two first uses of a keyless domain
 * at once may both make a key: the later one then finds the domain keyed and uses that key.
 */
public final class JpaDkimKeys implements DkimKeys {
    private static final Logger log = LoggerFactory.getLogger(JpaDkimKeys.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Transactions tx;
    private final Clock clock;

    public JpaDkimKeys(Transactions tx) {
        this(tx, Clock.systemUTC());
    }

    public JpaDkimKeys(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<DkimKey> published(TenantId tenant, DomainId domain) throws StoreException {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(domain, "domain");
        List<DkimKey> keys = tx.run(em -> published(em, owned(em, tenant, domain)));
        if (!keys.isEmpty()) return keys;
        KeyPair pair = DkimKeyPairs.generate();   // a domain made before keys were stored: its first use
        return tx.run(em -> {
            DomainEntity d = owned(em, tenant, domain);
            if (DkimKeyEntity.ofDomain(em, d.id()).isEmpty()) addActiveKey(em, d, pair, DbTime.now(clock));
            return published(em, d);
        });
    }

    @Override
    public DkimKey rotate(TenantId tenant, DomainId domain) throws StoreException {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(domain, "domain");
        KeyPair pair = DkimKeyPairs.generate();
        Instant now = DbTime.now(clock);
        DkimKey made = tx.run(em -> {
            DomainEntity d = owned(em, tenant, domain);
            for (DkimKeyEntity k : DkimKeyEntity.ofDomain(em, d.id())) {
                if (k.active()) {
                    k.retire(now);
                } else if (k.retired().orElse(now).isBefore(now.minus(GRACE))) {
                    em.remove(k);   // out of its grace period: no mail in flight still needs it
                }
            }
            return addActiveKey(em, d, pair, now).toModel(d);
        });
        log.info("DKIM key {} made for {}; the previous one stays published until {}", made.selector(), made.domainName(), now.plus(GRACE));
        return made;
    }

    @Override
    public Optional<DkimKey> signingKey(String domainName) throws StoreException {
        String name;
        try {
            name = EmailAddress.normalizeDomain(Objects.requireNonNull(domainName, "domainName").strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Optional<DkimKey>> found = tx.run(em -> primary(em, name).map(d -> active(em, d)));
        if (found.isEmpty() || found.get().isPresent()) return found.flatMap(k -> k);
        KeyPair pair = DkimKeyPairs.generate();
        try {
            return tx.run(em -> primary(em, name).map(d -> {
                Optional<DkimKey> meanwhile = active(em, d);
                return meanwhile.orElseGet(() -> addActiveKey(em, d, pair, DbTime.now(clock)).toModel(d));
            }));
        } catch (StoreException | PersistenceException e) {
            // another node or thread made the first key at the same moment (same selector): use that one
            return tx.run(em -> primary(em, name).flatMap(d -> active(em, d)));
        }
    }

    @Override
    public boolean importKeys(String domainName, String active, Map<String, byte[]> privateKeys) throws StoreException {
        if (!privateKeys.containsKey(active)) throw new StoreException(Reason.INVALID, "active: no key with selector " + active);
        List<DkimKeyEntity> rows = new ArrayList<>();
        Instant now = DbTime.now(clock);
        for (Map.Entry<String, byte[]> e : privateKeys.entrySet()) {
            String selector = Inputs.text("selector", e.getKey(), 63);
            RSAPrivateCrtKey key;
            try {
                key = DkimKeyPairs.privateKey(e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new StoreException(Reason.INVALID, "the DKIM key " + selector + " of " + domainName + ": " + bad.getMessage(), bad);
            }
            rows.add(new DkimKeyEntity(0, selector, e.getValue(), DkimKeyPairs.publicKeyOf(key), now));
        }
        String name = EmailAddress.normalizeDomain(domainName.strip());
        return tx.run(em -> {
            Optional<DomainEntity> d = primary(em, name);
            if (d.isEmpty() || !DkimKeyEntity.ofDomain(em, d.get().id()).isEmpty()) return false;
            // the active key is persisted last so that it is also the newest row
            rows.sort((a, b) -> Boolean.compare(a.selector().equals(active), b.selector().equals(active)));
            for (DkimKeyEntity row : rows) {
                DkimKeyEntity r = new DkimKeyEntity(d.get().id(), row.selector(), row.privateKeyBytes(), row.publicKeyBytes(), now);
                if (!row.selector().equals(active)) r.retire(now);
                em.persist(r);
            }
            return true;
        });
    }

    /** Persists a new ACTIVE key for the domain under a selector it has not used; the caller retires the old one. */
    static DkimKeyEntity addActiveKey(EntityManager em, DomainEntity d, KeyPair pair, Instant now) {
        Set<String> taken = new HashSet<>();
        for (DkimKeyEntity k : DkimKeyEntity.ofDomain(em, d.id())) taken.add(k.selector());
        String base = "tm" + DAY.format(now);
        String selector = base;
        for (int n = 2; taken.contains(selector); n++) selector = base + "-" + n;
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
        DkimKeyEntity row = new DkimKeyEntity(d.id(), selector, privateKey.getEncoded(), pair.getPublic().getEncoded(), now);
        em.persist(row);
        em.flush();
        return row;
    }

    private List<DkimKey> published(EntityManager em, DomainEntity d) {
        Instant oldest = DbTime.now(clock).minus(GRACE);
        List<DkimKey> keys = new ArrayList<>();
        List<DkimKeyEntity> rows = DkimKeyEntity.ofDomain(em, d.id());
        for (DkimKeyEntity k : rows) if (k.active()) keys.add(k.toModel(d));
        for (DkimKeyEntity k : rows) {
            if (!k.active() && !k.retired().orElse(Instant.MIN).isBefore(oldest)) keys.add(k.toModel(d));
        }
        return keys;
    }

    private static Optional<DkimKey> active(EntityManager em, DomainEntity d) {
        return DkimKeyEntity.ofDomain(em, d.id()).stream().filter(DkimKeyEntity::active).findFirst().map(k -> k.toModel(d));
    }

    private static Optional<DomainEntity> primary(EntityManager em, String name) {
        return DomainNameEntity.byName(em, name).filter(n -> !n.isAlias()).map(DomainNameEntity::domain);
    }

    private static DomainEntity owned(EntityManager em, TenantId tenant, DomainId domain) throws StoreException {
        return DomainEntity.find(em, tenant, domain)
                .orElseThrow(() -> new StoreException(Reason.NOT_FOUND, "domain " + domain.value() + " not found"));
    }
}
