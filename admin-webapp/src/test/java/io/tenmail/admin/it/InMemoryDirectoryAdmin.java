package io.tenmail.admin.it;

import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Account;
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
import io.tenmail.storage.model.NewAppPassword;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link DirectoryAdmin} in memory, following the port's contract (tenant scoping, NOT_FOUND for
 * other tenants' ids, ALREADY_EXISTS across tenants, IN_USE, NOT_ALLOWED for tenant limits), so
 * the API can be tested before the JPA implementation is merged. Thread-safe by synchronising
 * every method. Used only through {@link ApiFixture#newDirectoryAdmin}.
 */
final class InMemoryDirectoryAdmin implements DirectoryAdmin {
    private final AtomicLong ids = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final Map<TenantId, Tenant> tenants = new LinkedHashMap<>();
    private final Map<DomainId, Domain> domains = new LinkedHashMap<>();
    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    private final Map<AccountId, String> passwords = new LinkedHashMap<>();
    private final Map<AppPasswordId, AppPassword> appPasswords = new LinkedHashMap<>();
    private final Map<AliasId, Alias> aliases = new LinkedHashMap<>();
    private final Map<GroupId, Group> groups = new LinkedHashMap<>();

    private long nextId() {
        return ids.incrementAndGet();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static StoreException notFound(String what) {
        return new StoreException(Reason.NOT_FOUND, what + " not found");
    }

    // tenants

    @Override
    public synchronized Tenant createTenant(String name, long maxAccounts, long maxStorageBytes) throws StoreException {
        if (name == null || name.isBlank()) throw new StoreException(Reason.INVALID, "name: must not be blank");
        Tenant t = new Tenant(new TenantId(nextId()), name, maxAccounts, maxStorageBytes, false, now());
        tenants.put(t.id(), t);
        return t;
    }

    @Override
    public synchronized Tenant updateTenant(TenantId id, String name, long maxAccounts, long maxStorageBytes, boolean suspended) throws StoreException {
        Tenant old = tenant(id);
        Tenant t = new Tenant(id, name, maxAccounts, maxStorageBytes, suspended, old.created());
        tenants.put(id, t);
        return t;
    }

    @Override
    public synchronized Tenant tenant(TenantId id) throws StoreException {
        Tenant t = tenants.get(id);
        if (t == null) throw notFound("tenant " + id.value());
        return t;
    }

    @Override
    public synchronized List<Tenant> tenants() {
        return List.copyOf(tenants.values());
    }

    @Override
    public synchronized void deleteTenant(TenantId id) throws StoreException {
        tenant(id);
        if (domains.values().stream().anyMatch(d -> d.tenant().equals(id))) {
            throw new StoreException(Reason.IN_USE, "tenant " + id.value() + " still owns domains");
        }
        tenants.remove(id);
    }

    // domains

    private boolean domainNameTaken(String name) {
        return domains.values().stream().anyMatch(d -> d.name().equals(name) || d.aliases().contains(name));
    }

    @Override
    public synchronized Domain createDomain(TenantId tenant, String name) throws StoreException {
        tenant(tenant);
        String n = EmailAddress.normalizeDomain(name);
        if (domainNameTaken(n)) throw new StoreException(Reason.ALREADY_EXISTS, "domain " + n + " already exists");
        Domain d = new Domain(new DomainId(nextId()), tenant, n, List.of(), Optional.empty());
        domains.put(d.id(), d);
        return d;
    }

    @Override
    public synchronized Domain domain(TenantId tenant, DomainId id) throws StoreException {
        Domain d = domains.get(id);
        if (d == null || !d.tenant().equals(tenant)) throw notFound("domain " + id.value());
        return d;
    }

    @Override
    public synchronized Optional<Domain> findDomain(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return domains.values().stream().filter(d -> d.name().equals(n) || d.aliases().contains(n)).findFirst();
    }

    @Override
    public synchronized List<Domain> domains(TenantId tenant) {
        return domains.values().stream().filter(d -> d.tenant().equals(tenant)).sorted(Comparator.comparing(Domain::name)).toList();
    }

    @Override
    public synchronized Domain addDomainAlias(TenantId tenant, DomainId id, String aliasName) throws StoreException {
        Domain d = domain(tenant, id);
        String n = EmailAddress.normalizeDomain(aliasName);
        if (domainNameTaken(n)) throw new StoreException(Reason.ALREADY_EXISTS, "domain " + n + " already exists");
        List<String> list = new ArrayList<>(d.aliases());
        list.add(n);
        Domain updated = new Domain(d.id(), d.tenant(), d.name(), list, d.catchAll());
        domains.put(id, updated);
        return updated;
    }

    @Override
    public synchronized Domain removeDomainAlias(TenantId tenant, DomainId id, String aliasName) throws StoreException {
        Domain d = domain(tenant, id);
        List<String> list = new ArrayList<>(d.aliases());
        if (!list.remove(EmailAddress.normalizeDomain(aliasName))) throw notFound("domain alias " + aliasName);
        Domain updated = new Domain(d.id(), d.tenant(), d.name(), list, d.catchAll());
        domains.put(id, updated);
        return updated;
    }

    @Override
    public synchronized Domain setCatchAll(TenantId tenant, DomainId id, Optional<EmailAddress> target) throws StoreException {
        Domain d = domain(tenant, id);
        Domain updated = new Domain(d.id(), d.tenant(), d.name(), d.aliases(), target);
        domains.put(id, updated);
        return updated;
    }

    @Override
    public synchronized void deleteDomain(TenantId tenant, DomainId id) throws StoreException {
        Domain d = domain(tenant, id);
        boolean used = accounts.values().stream().anyMatch(a -> a.domain().equals(id))
                || aliases.values().stream().anyMatch(a -> a.address().domain().equals(d.name()))
                || groups.values().stream().anyMatch(g -> g.address().domain().equals(d.name()));
        if (used) throw new StoreException(Reason.IN_USE, "domain " + d.name() + " still has accounts, aliases or groups");
        domains.remove(id);
    }

    /** The domain of a new address: it must be a primary domain of this tenant. */
    private Domain domainFor(TenantId tenant, EmailAddress address) throws StoreException {
        return domains.values().stream()
                .filter(d -> d.tenant().equals(tenant) && d.name().equals(address.domain()))
                .findFirst().orElseThrow(() -> notFound("domain " + address.domain()));
    }

    private void requireFree(EmailAddress address) throws StoreException {
        String key = address.key();
        boolean taken = accounts.values().stream().anyMatch(a -> a.address().key().equals(key))
                || aliases.values().stream().anyMatch(a -> a.address().key().equals(key))
                || groups.values().stream().anyMatch(g -> g.address().key().equals(key));
        if (taken) throw new StoreException(Reason.ALREADY_EXISTS, "address " + address + " already exists");
    }

    // accounts

    @Override
    public synchronized Account createAccount(TenantId tenant, EmailAddress address, String displayName, String password,
                                              long quotaBytes) throws StoreException {
        Tenant t = tenant(tenant);
        Domain d = domainFor(tenant, address);
        requireFree(address);
        long count = accounts.values().stream().filter(a -> a.tenant().equals(tenant)).count();
        if (t.maxAccounts() > 0 && count >= t.maxAccounts()) {
            throw new StoreException(Reason.NOT_ALLOWED, "tenant " + t.name() + " has reached its limit of " + t.maxAccounts() + " accounts");
        }
        Account a = new Account(new AccountId(nextId()), tenant, d.id(), address, displayName, true, quotaBytes,
                EnumSet.allOf(Protocol.class), false, now());
        accounts.put(a.id(), a);
        passwords.put(a.id(), password);
        return a;
    }

    @Override
    public synchronized Account account(TenantId tenant, AccountId id) throws StoreException {
        Account a = accounts.get(id);
        if (a == null || !a.tenant().equals(tenant)) throw notFound("account " + id.value());
        return a;
    }

    @Override
    public synchronized Optional<Account> findAccount(TenantId tenant, EmailAddress address) {
        return accounts.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.address().key().equals(address.key())).findFirst();
    }

    @Override
    public synchronized Page<Account> accounts(TenantId tenant, Optional<DomainId> domain, String search, int offset, int limit) {
        Predicate<Account> matches = a -> a.tenant().equals(tenant)
                && domain.map(d -> a.domain().equals(d)).orElse(true)
                && (search == null || a.address().key().contains(search.toLowerCase(Locale.ROOT))
                || a.displayName().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)));
        List<Account> all = accounts.values().stream().filter(matches).sorted(Comparator.comparing(a -> a.address().key())).toList();
        List<Account> page = all.stream().skip(offset).limit(limit).toList();
        return new Page<>(page, all.size(), offset, limit);
    }

    @Override
    public synchronized Account updateAccount(TenantId tenant, AccountId id, AccountChange change) throws StoreException {
        Account a = account(tenant, id);
        Account updated = new Account(a.id(), a.tenant(), a.domain(), a.address(),
                change.displayName().orElse(a.displayName()), change.enabled().orElse(a.enabled()),
                change.quotaBytes().orElse(a.quotaBytes()), change.protocols().orElse(a.protocols()),
                change.appPasswordRequired().orElse(a.appPasswordRequired()), a.created());
        accounts.put(id, updated);
        return updated;
    }

    @Override
    public synchronized void setPassword(TenantId tenant, AccountId id, String newPassword) throws StoreException {
        account(tenant, id);
        passwords.put(id, newPassword);
    }

    @Override
    public synchronized void deleteAccount(TenantId tenant, AccountId id) throws StoreException {
        Account a = account(tenant, id);
        accounts.remove(id);
        passwords.remove(id);
        appPasswords.values().removeIf(p -> p.account().equals(id));
        String key = a.address().key();
        groups.replaceAll((gid, g) -> new Group(g.id(), g.tenant(), g.address(), g.displayName(),
                g.members().stream().filter(m -> !m.key().equals(key)).toList(), g.sendPolicy()));
        aliases.replaceAll((aid, al) -> new Alias(al.id(), al.tenant(), al.address(),
                al.targets().stream().filter(t -> !t.key().equals(key)).toList()));
    }

    // app passwords

    @Override
    public synchronized NewAppPassword createAppPassword(TenantId tenant, AccountId account, String label, Set<Protocol> protocols,
                                                         List<String> allowedNetworks, Optional<Instant> expires) throws StoreException {
        account(tenant, account);
        AppPassword p = new AppPassword(new AppPasswordId(nextId()), account, label, protocols, allowedNetworks, expires,
                now(), Optional.empty());
        appPasswords.put(p.id(), p);
        byte[] secret = new byte[12];
        random.nextBytes(secret);
        return new NewAppPassword(p, HexFormat.of().formatHex(secret));
    }

    @Override
    public synchronized List<AppPassword> appPasswords(TenantId tenant, AccountId account) throws StoreException {
        account(tenant, account);
        return appPasswords.values().stream().filter(p -> p.account().equals(account)).toList();
    }

    @Override
    public synchronized void deleteAppPassword(TenantId tenant, AccountId account, AppPasswordId id) throws StoreException {
        account(tenant, account);
        AppPassword p = appPasswords.get(id);
        if (p == null || !p.account().equals(account)) throw notFound("app password " + id.value());
        appPasswords.remove(id);
    }

    // aliases

    @Override
    public synchronized Alias createAlias(TenantId tenant, EmailAddress address, List<EmailAddress> targets) throws StoreException {
        tenant(tenant);
        domainFor(tenant, address);
        requireFree(address);
        Alias a = new Alias(new AliasId(nextId()), tenant, address, targets);
        aliases.put(a.id(), a);
        return a;
    }

    @Override
    public synchronized Alias alias(TenantId tenant, AliasId id) throws StoreException {
        Alias a = aliases.get(id);
        if (a == null || !a.tenant().equals(tenant)) throw notFound("alias " + id.value());
        return a;
    }

    @Override
    public synchronized List<Alias> aliases(TenantId tenant, Optional<DomainId> domain) {
        return aliases.values().stream()
                .filter(a -> a.tenant().equals(tenant))
                .filter(a -> domain.map(d -> domains.get(d) != null && domains.get(d).name().equals(a.address().domain())).orElse(true))
                .sorted(Comparator.comparing(a -> a.address().key())).toList();
    }

    @Override
    public synchronized Alias updateAlias(TenantId tenant, AliasId id, List<EmailAddress> targets) throws StoreException {
        Alias a = alias(tenant, id);
        Alias updated = new Alias(a.id(), a.tenant(), a.address(), targets);
        aliases.put(id, updated);
        return updated;
    }

    @Override
    public synchronized void deleteAlias(TenantId tenant, AliasId id) throws StoreException {
        alias(tenant, id);
        aliases.remove(id);
    }

    // groups

    @Override
    public synchronized Group createGroup(TenantId tenant, EmailAddress address, String displayName, List<EmailAddress> members,
                                          SendPolicy policy) throws StoreException {
        tenant(tenant);
        domainFor(tenant, address);
        requireFree(address);
        Group g = new Group(new GroupId(nextId()), tenant, address, displayName, members, policy);
        groups.put(g.id(), g);
        return g;
    }

    @Override
    public synchronized Group group(TenantId tenant, GroupId id) throws StoreException {
        Group g = groups.get(id);
        if (g == null || !g.tenant().equals(tenant)) throw notFound("group " + id.value());
        return g;
    }

    @Override
    public synchronized List<Group> groups(TenantId tenant, Optional<DomainId> domain) {
        return groups.values().stream()
                .filter(g -> g.tenant().equals(tenant))
                .filter(g -> domain.map(d -> domains.get(d) != null && domains.get(d).name().equals(g.address().domain())).orElse(true))
                .sorted(Comparator.comparing(g -> g.address().key())).toList();
    }

    @Override
    public synchronized Group updateGroup(TenantId tenant, GroupId id, String displayName, List<EmailAddress> members,
                                          SendPolicy policy) throws StoreException {
        Group g = group(tenant, id);
        Group updated = new Group(g.id(), g.tenant(), g.address(), displayName, members, policy);
        groups.put(id, updated);
        return updated;
    }

    @Override
    public synchronized void deleteGroup(TenantId tenant, GroupId id) throws StoreException {
        group(tenant, id);
        groups.remove(id);
    }
}
