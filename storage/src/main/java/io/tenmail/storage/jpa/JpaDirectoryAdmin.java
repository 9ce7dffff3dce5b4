package io.tenmail.storage.jpa;

import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.dkim.DkimKeyPairs;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.directory.AppPasswordSecret;
import io.tenmail.storage.directory.IpNetwork;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountOrder;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.Alias;
import io.tenmail.storage.model.AliasId;
import io.tenmail.storage.model.AppPassword;
import io.tenmail.storage.model.AppPasswordId;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Group;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.LastLogin;
import io.tenmail.storage.model.NewAppPassword;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.PasswordPolicy;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamPolicy;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.tenmail.storage.jpa.Inputs.invalid;

/**
 * {@link DirectoryAdmin} on the directory tables. Each method is one transaction; uniqueness is
 * checked first for a clear message and enforced by the database's unique keys for the race
 * (a violation also ends as ALREADY_EXISTS). Thread-safe.
 *
 * <p>Deleting an account, alias or group also removes the references to its address from the
 * same tenant's aliases, groups and catch-alls: whoever is given that address later must not
 * inherit mail meant for its previous owner. References from other tenants are left alone; to
 * them the address is as foreign as an external one.
 */
@ApplicationScoped
public class JpaDirectoryAdmin implements DirectoryAdmin {
    private static final Logger log = LoggerFactory.getLogger(JpaDirectoryAdmin.class);
    static final int MAX_TARGETS = 1000;
    static final int MAX_NETWORKS = 32;
    static final int MAX_PAGE = 1000;
    static final int MAX_PASSWORD = 1024;

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;
    private final Supplier<KeyPair> dkimKeys;

    /** For CDI's client proxy only. */
    protected JpaDirectoryAdmin() {
        this.tx = null;
        this.hasher = null;
        this.clock = null;
        this.random = null;
        this.dkimKeys = null;
    }

    @Inject
    public JpaDirectoryAdmin(Transactions tx) {
        this(tx, PasswordHasher.owaspMinimum(), Clock.systemUTC());
    }

    public JpaDirectoryAdmin(Transactions tx, PasswordHasher hasher, Clock clock) {
        this(tx, hasher, clock, DkimKeyPairs::generate);
    }

    /** @param dkimKeys makes each new domain's DKIM key pair (tests that create many domains share one) */
    public JpaDirectoryAdmin(Transactions tx, PasswordHasher hasher, Clock clock, Supplier<KeyPair> dkimKeys) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
        this.random = new SecureRandom();
        this.dkimKeys = dkimKeys;
    }

    // ---- tenants

    @Override
    public Tenant createTenant(String name, long maxAccounts, long maxStorageBytes) throws StoreException {
        String n = Inputs.text("name", name, 200);
        Inputs.notNegative("maxAccounts", maxAccounts);
        Inputs.notNegative("maxStorageBytes", maxStorageBytes);
        return tx.run(em -> {
            if (TenantEntity.byName(em, n).isPresent()) throw taken("name", "a tenant named " + n);
            TenantEntity t = new TenantEntity(n, maxAccounts, maxStorageBytes, DbTime.now(clock));
            em.persist(t);
            em.flush();
            return t.toModel();
        });
    }

    @Override
    public Tenant updateTenant(TenantId id, String name, long maxAccounts, long maxStorageBytes, boolean suspended) throws StoreException {
        String n = Inputs.text("name", name, 200);
        Inputs.notNegative("maxAccounts", maxAccounts);
        Inputs.notNegative("maxStorageBytes", maxStorageBytes);
        return tx.run(em -> {
            TenantEntity t = tenant(em, id);
            Optional<TenantEntity> sameName = TenantEntity.byName(em, n);
            if (sameName.isPresent() && sameName.get().id() != t.id()) throw taken("name", "a tenant named " + n);
            t.update(n, maxAccounts, maxStorageBytes, suspended);
            return t.toModel();
        });
    }

    @Override
    public Tenant tenant(TenantId id) throws StoreException {
        return tx.run(em -> tenant(em, id).toModel());
    }

    @Override
    public List<Tenant> tenants() throws StoreException {
        return tx.run(em -> TenantEntity.all(em).stream().map(TenantEntity::toModel).toList());
    }

    @Override
    public void deleteTenant(TenantId id) throws StoreException {
        tx.run(em -> {
            TenantEntity t = tenant(em, id);
            if (DomainEntity.countOfTenant(em, id) > 0) {
                throw new StoreException(Reason.IN_USE, "tenant " + id.value() + " still owns domains; remove them first");
            }
            em.remove(t);
            return null;
        });
    }

    // ---- domains

    @Override
    public Domain createDomain(TenantId tenant, String name) throws StoreException {
        String n = Inputs.domainName("name", name);
        KeyPair dkim = dkimKeys.get();   // outside the transaction: CPU time, not connection time
        return tx.run(em -> {
            TenantEntity t = tenant(em, tenant);
            if (DomainNameEntity.byName(em, n).isPresent()) throw taken("name", "the domain name " + n);
            DomainEntity d = new DomainEntity(t, n, DbTime.now(clock));
            em.persist(d);
            em.persist(new DomainNameEntity(d, n, false));
            em.flush();
            JpaDkimKeys.addActiveKey(em, d, dkim, DbTime.now(clock));   // the domain's signing key, with it (issue 7)
            return d.toModel(List.of());
        });
    }

    @Override
    public Domain domain(TenantId tenant, DomainId id) throws StoreException {
        return tx.run(em -> domainModel(em, domain(em, tenant, id)));
    }

    @Override
    public Optional<Domain> findDomain(String name) throws StoreException {
        String n;
        try {
            n = EmailAddress.normalizeDomain(Inputs.required("name", name).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return tx.run(em -> DomainNameEntity.byName(em, n).map(dn -> domainModel(em, dn.domain())));
    }

    @Override
    public List<Domain> domains(TenantId tenant) throws StoreException {
        return tx.run(em -> {
            tenant(em, tenant);
            return DomainEntity.ofTenant(em, tenant).stream().map(d -> domainModel(em, d)).toList();
        });
    }

    @Override
    public Domain addDomainAlias(TenantId tenant, DomainId id, String aliasName) throws StoreException {
        String n = Inputs.domainName("aliasName", aliasName);
        return tx.run(em -> {
            DomainEntity d = domain(em, tenant, id);
            if (DomainNameEntity.byName(em, n).isPresent()) throw taken("aliasName", "the domain name " + n);
            em.persist(new DomainNameEntity(d, n, true));
            em.flush();
            return domainModel(em, d);
        });
    }

    @Override
    public Domain removeDomainAlias(TenantId tenant, DomainId id, String aliasName) throws StoreException {
        String n = Inputs.domainName("aliasName", aliasName);
        return tx.run(em -> {
            DomainEntity d = domain(em, tenant, id);
            DomainNameEntity name = DomainNameEntity.byName(em, n)
                    .filter(dn -> dn.domain().id() == d.id() && dn.isAlias())
                    .orElseThrow(() -> new StoreException(Reason.NOT_FOUND, "aliasName: " + n + " is not an alias of " + d.name()));
            em.remove(name);
            em.flush();
            return domainModel(em, d);
        });
    }

    @Override
    public Domain setCatchAll(TenantId tenant, DomainId id, Optional<EmailAddress> target) throws StoreException {
        Optional<EmailAddress> t = Inputs.required("target", target);
        return tx.run(em -> {
            DomainEntity d = domain(em, tenant, id);
            if (t.isPresent()) checkTargets(em, d.tenant(), "target", List.of(t.get()), Optional.empty());
            d.setCatchAll(t);
            return domainModel(em, d);
        });
    }

    @Override
    public void deleteDomain(TenantId tenant, DomainId id) throws StoreException {
        tx.run(em -> {
            DomainEntity d = domain(em, tenant, id);
            if (AddressEntity.countInDomain(em, d) > 0) {
                throw new StoreException(Reason.IN_USE, "domain " + d.name() + " still has accounts, aliases or groups");
            }
            for (DomainNameEntity n : DomainNameEntity.ofDomain(em, d)) em.remove(n);
            em.remove(d);
            return null;
        });
    }

    // ---- accounts

    @Override
    public Account createAccount(TenantId tenant, EmailAddress address, String displayName, String password, long quotaBytes)
            throws StoreException {
        Inputs.required("address", address);
        String name = Inputs.optionalText("displayName", displayName, 200);
        Inputs.notNegative("quotaBytes", quotaBytes);
        String hash = hasher.hash(password("password", password));   // slow: before the transaction, not inside it
        return tx.run(em -> {
            TenantEntity t = TenantEntity.findForUpdate(em, Inputs.required("tenant", tenant)).orElseThrow(() -> notFound("tenant", tenant.value()));
            DomainEntity d = ownDomain(em, t, "address", address);
            String key = AddressEntity.keyOf(address.localPart(), d);
            if (AddressEntity.byKey(em, key).isPresent()) throw taken("address", "the address " + key);
            if (t.maxAccounts() > 0 && AccountEntity.countOfTenant(em, tenant) >= t.maxAccounts()) {
                throw new StoreException(Reason.NOT_ALLOWED, "tenant " + t.id() + " may have at most " + t.maxAccounts()
                        + (t.maxAccounts() == 1 ? " account" : " accounts"));
            }
            checkQuota(t, quotaBytes);
            AddressEntity a = new AddressEntity(d, address.localPart(), AddressEntity.Kind.ACCOUNT);
            em.persist(a);
            AccountEntity account = new AccountEntity(a, name, hash, quotaBytes, DbTime.now(clock));
            em.persist(account);
            em.flush();
            return account.toModel();
        });
    }

    @Override
    public Account account(TenantId tenant, AccountId id) throws StoreException {
        return tx.run(em -> account(em, tenant, id).toModel());
    }

    @Override
    public Optional<Account> findAccount(TenantId tenant, EmailAddress address) throws StoreException {
        Inputs.required("address", address);
        return tx.run(em -> {
            tenant(em, tenant);
            return DomainNameEntity.byName(em, address.domain())
                    .map(DomainNameEntity::domain)
                    .filter(d -> d.tenant().id() == tenant.value())
                    .flatMap(d -> AddressEntity.byKey(em, AddressEntity.keyOf(address.localPart(), d)))
                    .flatMap(a -> AccountEntity.byAddress(em, a))
                    .map(AccountEntity::toModel);
        });
    }

    @Override
    public Page<Account> accounts(TenantId tenant, Optional<DomainId> domain, String search, AccountOrder order, int offset,
                                  int limit) throws StoreException {
        Inputs.required("domain", domain);
        Inputs.required("order", order);
        if (offset < 0) throw invalid("offset", "must not be negative");
        if (limit < 1 || limit > MAX_PAGE) throw invalid("limit", "must be 1.." + MAX_PAGE);
        Optional<String> s = Optional.ofNullable(search).map(String::strip).filter(x -> !x.isEmpty())
                .map(x -> x.toLowerCase(Locale.ROOT));
        return tx.run(em -> {
            tenant(em, tenant);
            Optional<DomainEntity> d = domain.isPresent() ? Optional.of(domain(em, tenant, domain.get())) : Optional.empty();
            long total = AccountEntity.count(em, tenant, d, s);
            List<Account> items = total <= offset ? List.of()
                    : AccountEntity.page(em, tenant, d, s, order, offset, limit).stream().map(AccountEntity::toModel).toList();
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public Account updateAccount(TenantId tenant, AccountId id, AccountChange change) throws StoreException {
        Inputs.required("change", change);
        Optional<String> name = Inputs.required("displayName", change.displayName());
        String displayName = name.isPresent() ? Inputs.optionalText("displayName", name.get(), 200) : null;
        Optional<Long> quota = Inputs.required("quotaBytes", change.quotaBytes());
        if (quota.isPresent()) Inputs.notNegative("quotaBytes", quota.get());
        Optional<Set<Protocol>> protocols = Inputs.required("protocols", change.protocols());
        if (protocols.isPresent() && protocols.get().stream().anyMatch(Objects::isNull)) throw invalid("protocols", "must not contain null");
        Optional<Boolean> enabled = Inputs.required("enabled", change.enabled());
        Optional<Boolean> appPasswordRequired = Inputs.required("appPasswordRequired", change.appPasswordRequired());
        return tx.run(em -> {
            AccountEntity a = account(em, tenant, id);
            if (displayName != null) a.setDisplayName(displayName);
            if (quota.isPresent()) {
                checkQuota(a.address().tenant(), quota.get());
                a.setQuotaBytes(quota.get());
            }
            protocols.ifPresent(a::setProtocols);
            enabled.ifPresent(a::setEnabled);
            appPasswordRequired.ifPresent(a::setAppPasswordRequired);
            return a.toModel();
        });
    }

    @Override
    public void setPassword(TenantId tenant, AccountId id, String newPassword) throws StoreException {
        String hash = hasher.hash(password("newPassword", newPassword));
        tx.run(em -> {
            account(em, tenant, id).setPasswordHash(hash);
            return null;
        });
    }

    @Override
    public void deleteAccount(TenantId tenant, AccountId id) throws StoreException {
        tx.run(em -> {
            AccountEntity a = account(em, tenant, id);
            AddressEntity address = a.address();
            int appPasswords = AppPasswordEntity.deleteOfAccount(em, a);
            forgetReferences(em, address);
            em.remove(a);
            em.remove(address);
            log.info("account {} ({}) deleted with {} app passwords", id.value(), address.key(), appPasswords);
            return null;
        });
    }

    // ---- app passwords

    @Override
    public NewAppPassword createAppPassword(TenantId tenant, AccountId account, String label, Set<Protocol> protocols,
                                            List<String> allowedNetworks, Optional<Instant> expires) throws StoreException {
        String l = Inputs.text("label", label, 100);
        Set<Protocol> p = Inputs.required("protocols", protocols);
        if (p.isEmpty() || p.stream().anyMatch(Objects::isNull)) throw invalid("protocols", "name at least one protocol");
        List<String> networks = networks(Inputs.required("allowedNetworks", allowedNetworks));
        Optional<Instant> e = Inputs.required("expires", expires);
        Instant now = DbTime.now(clock);
        if (e.isPresent() && !e.get().isAfter(now)) throw invalid("expires", "must be in the future");
        return tx.run(em -> {
            AccountEntity a = account(em, tenant, account);
            String secret;
            String hash;
            do {  // 75 random bits: a collision is practically impossible, but the unique key would refuse it
                secret = AppPasswordSecret.generate(random);
                hash = AppPasswordSecret.hash(AppPasswordSecret.canonical(secret).orElseThrow());
            } while (AppPasswordEntity.hashTaken(em, hash));
            AppPasswordEntity entity = new AppPasswordEntity(a, hash, l, p, networks, e, now);
            em.persist(entity);
            em.flush();
            return new NewAppPassword(entity.toModel(), secret);
        });
    }

    @Override
    public List<AppPassword> appPasswords(TenantId tenant, AccountId account) throws StoreException {
        return tx.run(em -> AppPasswordEntity.ofAccount(em, account(em, tenant, account)).stream()
                .map(AppPasswordEntity::toModel).toList());
    }

    @Override
    public void deleteAppPassword(TenantId tenant, AccountId account, AppPasswordId id) throws StoreException {
        tx.run(em -> {
            AccountEntity a = account(em, tenant, account);
            em.remove(AppPasswordEntity.find(em, a, id).orElseThrow(() -> notFound("app password", id.value())));
            return null;
        });
    }

    // ---- aliases

    @Override
    public Alias createAlias(TenantId tenant, EmailAddress address, List<EmailAddress> targets) throws StoreException {
        Inputs.required("address", address);
        List<EmailAddress> list = addresses("targets", targets, 1);
        return tx.run(em -> {
            TenantEntity t = tenant(em, tenant);
            AddressEntity a = newAddress(em, t, address, AddressEntity.Kind.ALIAS);
            List<EmailAddress> checked = checkTargets(em, t, "targets", list, Optional.of(a.key()));
            AliasEntity alias = new AliasEntity(a, DbTime.now(clock));
            em.persist(alias);
            for (int i = 0; i < checked.size(); i++) em.persist(new AliasTargetEntity(alias, i, checked.get(i)));
            em.flush();
            return alias.toModel(checked);
        });
    }

    @Override
    public Alias alias(TenantId tenant, AliasId id) throws StoreException {
        return tx.run(em -> {
            AliasEntity a = alias(em, tenant, id);
            return a.toModel(AliasTargetEntity.of(em, a).stream().map(AliasTargetEntity::target).toList());
        });
    }

    @Override
    public List<Alias> aliases(TenantId tenant, Optional<DomainId> domain) throws StoreException {
        Inputs.required("domain", domain);
        return tx.run(em -> {
            tenant(em, tenant);
            Optional<DomainEntity> d = domain.isPresent() ? Optional.of(domain(em, tenant, domain.get())) : Optional.empty();
            Map<Long, List<EmailAddress>> targets = AliasTargetEntity.ofTenant(em, tenant, d).stream().collect(
                    Collectors.groupingBy(t -> t.alias().id(), LinkedHashMap::new, Collectors.mapping(AliasTargetEntity::target, Collectors.toList())));
            return AliasEntity.ofTenant(em, tenant, d).stream()
                    .map(a -> a.toModel(targets.getOrDefault(a.id(), List.of()))).toList();
        });
    }

    @Override
    public Alias updateAlias(TenantId tenant, AliasId id, List<EmailAddress> targets) throws StoreException {
        List<EmailAddress> list = addresses("targets", targets, 1);
        return tx.run(em -> {
            AliasEntity a = alias(em, tenant, id);
            List<EmailAddress> checked = checkTargets(em, a.address().tenant(), "targets", list, Optional.of(a.address().key()));
            for (AliasTargetEntity old : AliasTargetEntity.of(em, a)) em.remove(old);
            for (int i = 0; i < checked.size(); i++) em.persist(new AliasTargetEntity(a, i, checked.get(i)));
            return a.toModel(checked);
        });
    }

    @Override
    public void deleteAlias(TenantId tenant, AliasId id) throws StoreException {
        tx.run(em -> {
            AliasEntity a = alias(em, tenant, id);
            AddressEntity address = a.address();
            for (AliasTargetEntity t : AliasTargetEntity.of(em, a)) em.remove(t);
            forgetReferences(em, address);
            em.remove(a);
            em.remove(address);
            return null;
        });
    }

    // ---- groups

    @Override
    public Group createGroup(TenantId tenant, EmailAddress address, String displayName, List<EmailAddress> members,
                             SendPolicy policy) throws StoreException {
        Inputs.required("address", address);
        String name = Inputs.optionalText("displayName", displayName, 200);
        List<EmailAddress> list = addresses("members", members, 0);
        Inputs.required("policy", policy);
        return tx.run(em -> {
            TenantEntity t = tenant(em, tenant);
            AddressEntity a = newAddress(em, t, address, AddressEntity.Kind.MAIL_GROUP);
            List<EmailAddress> checked = checkTargets(em, t, "members", list, Optional.of(a.key()));
            GroupEntity group = new GroupEntity(a, name, policy, DbTime.now(clock));
            em.persist(group);
            for (int i = 0; i < checked.size(); i++) em.persist(new GroupMemberEntity(group, i, checked.get(i)));
            em.flush();
            return group.toModel(checked);
        });
    }

    @Override
    public Group group(TenantId tenant, GroupId id) throws StoreException {
        return tx.run(em -> {
            GroupEntity g = group(em, tenant, id);
            return g.toModel(GroupMemberEntity.of(em, g).stream().map(GroupMemberEntity::member).toList());
        });
    }

    @Override
    public List<Group> groups(TenantId tenant, Optional<DomainId> domain) throws StoreException {
        Inputs.required("domain", domain);
        return tx.run(em -> {
            tenant(em, tenant);
            Optional<DomainEntity> d = domain.isPresent() ? Optional.of(domain(em, tenant, domain.get())) : Optional.empty();
            Map<Long, List<EmailAddress>> members = GroupMemberEntity.ofTenant(em, tenant, d).stream().collect(
                    Collectors.groupingBy(m -> m.group().id(), LinkedHashMap::new, Collectors.mapping(GroupMemberEntity::member, Collectors.toList())));
            return GroupEntity.ofTenant(em, tenant, d).stream()
                    .map(g -> g.toModel(members.getOrDefault(g.id(), List.of()))).toList();
        });
    }

    @Override
    public Group updateGroup(TenantId tenant, GroupId id, String displayName, List<EmailAddress> members, SendPolicy policy)
            throws StoreException {
        String name = Inputs.optionalText("displayName", displayName, 200);
        List<EmailAddress> list = addresses("members", members, 0);
        Inputs.required("policy", policy);
        return tx.run(em -> {
            GroupEntity g = group(em, tenant, id);
            List<EmailAddress> checked = checkTargets(em, g.address().tenant(), "members", list, Optional.of(g.address().key()));
            g.update(name, policy);
            for (GroupMemberEntity old : GroupMemberEntity.of(em, g)) em.remove(old);
            for (int i = 0; i < checked.size(); i++) em.persist(new GroupMemberEntity(g, i, checked.get(i)));
            return g.toModel(checked);
        });
    }

    @Override
    public void deleteGroup(TenantId tenant, GroupId id) throws StoreException {
        tx.run(em -> {
            GroupEntity g = group(em, tenant, id);
            AddressEntity address = g.address();
            for (GroupMemberEntity m : GroupMemberEntity.of(em, g)) em.remove(m);
            forgetReferences(em, address);
            em.remove(g);
            em.remove(address);
            return null;
        });
    }

    // ---- console access

    @Override
    public Optional<Account> checkPassword(EmailAddress address, String password) throws StoreException {
        Objects.requireNonNull(address, "address");
        if (password == null || password.length() > MAX_PASSWORD) {
            hasher.verifyNothing("");
            return Optional.empty();
        }
        record Candidate(Account account, String hash, boolean usable) {
        }
        Optional<Candidate> c = tx.run(em -> JpaDirectory.account(em, address)
                .map(a -> new Candidate(a.toModel(), a.passwordHash(), a.enabled() && !a.address().tenant().suspended())));
        // hashing outside the transaction: Argon2 must not hold a pooled connection
        if (c.isEmpty()) {
            hasher.verifyNothing(password);   // an unknown address costs what a wrong password costs
            return Optional.empty();
        }
        if (!hasher.verify(password, c.get().hash()) || !c.get().usable()) return Optional.empty();
        return Optional.of(c.get().account());
    }

    @Override
    public void appointDomainAdmin(TenantId tenant, AccountId account) throws StoreException {
        tx.run(em -> {
            AccountEntity a = account(em, tenant, account);
            if (!DomainAdminEntity.exists(em, a.accountId().value())) {
                em.persist(new DomainAdminEntity(a.accountId().value(), DbTime.now(clock)));
            }
            return null;
        });
    }

    @Override
    public void dismissDomainAdmin(TenantId tenant, AccountId account) throws StoreException {
        tx.run(em -> {
            AccountEntity a = account(em, tenant, account);
            DomainAdminEntity d = em.find(DomainAdminEntity.class, a.accountId().value());
            if (d == null) throw new StoreException(Reason.NOT_FOUND, "account " + a.address().address() + " is not a domain administrator");
            em.remove(d);
            return null;
        });
    }

    @Override
    public List<Account> domainAdmins(TenantId tenant) throws StoreException {
        return tx.run(em -> {
            TenantEntity t = tenant(em, tenant);
            return DomainAdminEntity.accountsOfTenant(em, t.id()).stream().map(AccountEntity::toModel).toList();
        });
    }

    @Override
    public boolean isDomainAdmin(TenantId tenant, AccountId account) throws StoreException {
        return tx.run(em -> AccountEntity.find(em, Inputs.required("tenant", tenant), Inputs.required("account", account))
                .map(a -> DomainAdminEntity.exists(em, a.accountId().value())).orElse(false));
    }

    @Override
    public Optional<PasswordPolicy> passwordPolicy(TenantId tenant) throws StoreException {
        return tx.run(em -> {
            TenantEntity t = tenant(em, tenant);
            return Optional.ofNullable(em.find(PasswordPolicyEntity.class, t.id())).map(PasswordPolicyEntity::toModel);
        });
    }

    @Override
    public void setPasswordPolicy(TenantId tenant, Optional<PasswordPolicy> policy) throws StoreException {
        Inputs.required("policy", policy);
        tx.run(em -> {
            TenantEntity t = tenant(em, tenant);
            PasswordPolicyEntity existing = em.find(PasswordPolicyEntity.class, t.id());
            if (policy.isEmpty()) {
                if (existing != null) em.remove(existing);
            } else if (existing == null) {
                em.persist(new PasswordPolicyEntity(t.id(), policy.get()));
            } else {
                existing.set(policy.get());
            }
            return null;
        });
    }

    @Override
    public SpamPolicy spamPolicy(TenantId tenant, DomainId id) throws StoreException {
        return tx.run(em -> {
            DomainEntity d = domain(em, tenant, id);
            return Optional.ofNullable(em.find(SpamPolicyEntity.class, d.id())).map(SpamPolicyEntity::toModel).orElse(SpamPolicy.DEFAULT);
        });
    }

    @Override
    public void setSpamPolicy(TenantId tenant, DomainId id, SpamPolicy policy) throws StoreException {
        Inputs.required("policy", policy);
        tx.run(em -> {
            DomainEntity d = domain(em, tenant, id);
            SpamPolicyEntity existing = em.find(SpamPolicyEntity.class, d.id());
            if (existing == null) {
                em.persist(new SpamPolicyEntity(d.id(), policy));
            } else {
                existing.set(policy);
            }
            return null;
        });
    }

    @Override
    public List<SpamListEntry> spamList(TenantId tenant, Optional<AccountId> account) throws StoreException {
        Inputs.required("account", account);
        return tx.run(em -> {
            long t = tenant(em, tenant).id();
            Long a = account.isPresent() ? account(em, tenant, account.get()).id() : null;
            return SpamListEntity.of(em, t, a).stream().map(SpamListEntity::toModel).toList();
        });
    }

    @Override
    public void setSpamList(TenantId tenant, Optional<AccountId> account, List<SpamListEntry> entries) throws StoreException {
        Inputs.required("account", account);
        List<SpamListEntry> distinct = Inputs.required("entries", entries).stream().distinct().toList();
        if (distinct.size() > MAX_SPAM_LIST) throw invalid("entries", "at most " + MAX_SPAM_LIST + " entries");
        tx.run(em -> {
            long t = tenant(em, tenant).id();
            Long a = account.isPresent() ? account(em, tenant, account.get()).id() : null;
            for (SpamListEntity old : SpamListEntity.of(em, t, a)) em.remove(old);
            em.flush();
            for (SpamListEntry e : distinct) em.persist(new SpamListEntity(t, a, e));
            return null;
        });
    }

    @Override
    public List<LastLogin> lastLogins(TenantId tenant, AccountId account) throws StoreException {
        return tx.run(em -> {
            AccountEntity a = account(em, tenant, account);
            return AccountLoginEntity.ofAccount(em, a.accountId().value()).stream().map(AccountLoginEntity::toModel).toList();
        });
    }

    @Override
    public void recordLogin(TenantId tenant, AccountId account, String protocol, Optional<String> clientAddress) throws StoreException {
        String p = Inputs.text("protocol", protocol, 8).toUpperCase(Locale.ROOT);
        String client = Inputs.required("clientAddress", clientAddress).map(c -> c.length() > 64 ? c.substring(0, 64) : c).orElse(null);
        long id = tx.run(em -> account(em, tenant, account).accountId().value());
        AccountLogins.record(tx, id, p, DbTime.now(clock), client);
    }

    @Override
    public long storageUsed(TenantId tenant) throws StoreException {
        return tx.run(em -> {
            TenantEntity t = tenant(em, tenant);
            Long sum = em.createQuery("SELECT SUM(u.usedBytes) FROM AccountUsageEntity u, AccountEntity a"
                    + " WHERE u.accountId = a.id AND a.address.tenant.id = :tenant", Long.class)
                    .setParameter("tenant", t.id()).getSingleResult();
            return sum == null ? 0L : sum;
        });
    }

    // ---- shared rules

    private static TenantEntity tenant(EntityManager em, TenantId id) throws StoreException {
        return TenantEntity.find(em, Inputs.required("tenant", id)).orElseThrow(() -> notFound("tenant", id.value()));
    }

    private static DomainEntity domain(EntityManager em, TenantId tenant, DomainId id) throws StoreException {
        return DomainEntity.find(em, Inputs.required("tenant", tenant), Inputs.required("domain", id)).orElseThrow(() -> notFound("domain", id.value()));
    }

    private static AccountEntity account(EntityManager em, TenantId tenant, AccountId id) throws StoreException {
        return AccountEntity.find(em, Inputs.required("tenant", tenant), Inputs.required("account", id)).orElseThrow(() -> notFound("account", id.value()));
    }

    private static AliasEntity alias(EntityManager em, TenantId tenant, AliasId id) throws StoreException {
        return AliasEntity.find(em, Inputs.required("tenant", tenant), Inputs.required("alias", id)).orElseThrow(() -> notFound("alias", id.value()));
    }

    private static GroupEntity group(EntityManager em, TenantId tenant, GroupId id) throws StoreException {
        return GroupEntity.find(em, Inputs.required("tenant", tenant), Inputs.required("group", id)).orElseThrow(() -> notFound("group", id.value()));
    }

    private static Domain domainModel(EntityManager em, DomainEntity d) {
        return d.toModel(DomainNameEntity.aliasNames(em, d));
    }

    /**
     * The tenant's domain that {@code address} is in, by its own or an alias name. A domain of
     * another tenant is reported exactly like an unknown one.
     */
    private static DomainEntity ownDomain(EntityManager em, TenantEntity tenant, String field, EmailAddress address) throws StoreException {
        return DomainNameEntity.byName(em, address.domain()).map(DomainNameEntity::domain)
                .filter(d -> d.tenant().id() == tenant.id())
                .orElseThrow(() -> invalid(field, address.domain() + " is not a domain of this tenant"));
    }

    /** Registers a new address for an alias or group, refusing one that is taken. */
    private static AddressEntity newAddress(EntityManager em, TenantEntity tenant, EmailAddress address, AddressEntity.Kind kind)
            throws StoreException {
        DomainEntity d = ownDomain(em, tenant, "address", address);
        String key = AddressEntity.keyOf(address.localPart(), d);
        if (AddressEntity.byKey(em, key).isPresent()) throw taken("address", "the address " + key);
        AddressEntity a = new AddressEntity(d, address.localPart(), kind);
        em.persist(a);
        return a;
    }

    /**
     * Checks alias targets, group members or a catch-all: an address in one of the tenant's own
     * domains must exist (a typo there would silently lose mail), one elsewhere is taken as it is,
     * and nothing may point at itself. Returns them without duplicates, in their order.
     */
    private static List<EmailAddress> checkTargets(EntityManager em, TenantEntity tenant, String field, List<EmailAddress> targets,
                                                   Optional<String> self) throws StoreException {
        Map<String, EmailAddress> unique = new LinkedHashMap<>();
        for (EmailAddress target : targets) {
            Optional<DomainEntity> d = DomainNameEntity.byName(em, target.domain()).map(DomainNameEntity::domain);
            if (d.isPresent()) {
                String key = AddressEntity.keyOf(target.localPart(), d.get());
                if (self.isPresent() && self.get().equals(key)) throw invalid(field, "must not contain the address itself");
                if (d.get().tenant().id() == tenant.id() && AddressEntity.byKey(em, key).isEmpty()) {
                    throw invalid(field, "no account, alias or group has the address " + target);
                }
                unique.putIfAbsent(key, target);
            } else {
                unique.putIfAbsent(target.key(), target);
            }
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * Removes the same tenant's alias targets, group members and catch-alls that name this
     * address in any name of its domain (see the class comment).
     */
    private static void forgetReferences(EntityManager em, AddressEntity address) {
        TenantEntity tenant = address.tenant();
        EmailAddress a = address.address();
        List<String> keys = DomainNameEntity.ofDomain(em, address.domain()).stream()
                .map(n -> new EmailAddress(a.localPart(), n.name()).key()).toList();
        for (AliasTargetEntity t : AliasTargetEntity.naming(em, tenant.tenantId(), keys)) em.remove(t);
        for (GroupMemberEntity m : GroupMemberEntity.naming(em, tenant.tenantId(), keys)) em.remove(m);
        for (DomainEntity d : DomainEntity.catchingInto(em, tenant.tenantId(), keys)) d.setCatchAll(Optional.empty());
    }

    /** A single account's quota cannot exceed what the whole tenant may store. */
    private static void checkQuota(TenantEntity tenant, long quotaBytes) throws StoreException {
        if (tenant.maxStorageBytes() > 0 && quotaBytes > tenant.maxStorageBytes()) {
            throw new StoreException(Reason.NOT_ALLOWED, "quotaBytes: the tenant may store at most " + tenant.maxStorageBytes() + " bytes");
        }
    }

    private static List<EmailAddress> addresses(String field, List<EmailAddress> list, int min) throws StoreException {
        Inputs.required(field, list);
        if (list.size() < min) throw invalid(field, "name at least " + min + " address");
        if (list.size() > MAX_TARGETS) throw invalid(field, "at most " + MAX_TARGETS + " addresses");
        if (list.stream().anyMatch(Objects::isNull)) throw invalid(field, "must not contain null");
        return list;
    }

    private static List<String> networks(List<String> networks) throws StoreException {
        if (networks.size() > MAX_NETWORKS) throw invalid("allowedNetworks", "at most " + MAX_NETWORKS + " networks");
        List<String> canonical = new ArrayList<>();
        for (String n : networks) {
            try {
                String c = IpNetwork.parse(n).toString();
                if (!canonical.contains(c)) canonical.add(c);
            } catch (IllegalArgumentException e) {
                throw invalid("allowedNetworks", e.getMessage());
            }
        }
        return canonical;
    }

    private static String password(String field, String password) throws StoreException {
        if (password == null || password.isEmpty()) throw invalid(field, "must not be empty");
        if (password.length() > MAX_PASSWORD) throw invalid(field, "must be at most " + MAX_PASSWORD + " characters");
        return password;
    }

    /** "tenant 42 not found": the id the caller gave, and never whether it exists in another tenant. */
    private static StoreException notFound(String what, long id) {
        return new StoreException(Reason.NOT_FOUND, what + " " + id + " not found");
    }

    private static StoreException taken(String field, String what) {
        return new StoreException(Reason.ALREADY_EXISTS, field + ": " + what + " is already taken");
    }
}
