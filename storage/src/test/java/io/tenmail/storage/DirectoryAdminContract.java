package io.tenmail.storage;

import io.tenmail.storage.DirectoryAdmin.AccountChange;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountOrder;
import io.tenmail.storage.model.Alias;
import io.tenmail.storage.model.AppPassword;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Group;
import io.tenmail.storage.model.NewAppPassword;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tenmail.storage.StoreAssertions.assertFails;
import static io.tenmail.storage.StoreAssertions.assertInvalid;
import static io.tenmail.storage.StoreAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link DirectoryAdmin}, run against every implementation. Tests share one
 * store, so each works in tenants and domains of its own with unique names.
 */
public abstract class DirectoryAdminContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    protected abstract DirectoryAdmin admin();

    /** A name no other test uses, lower-case. */
    protected static String unique(String prefix) {
        return prefix + COUNTER.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    protected static EmailAddress address(String a) {
        return EmailAddress.parse(a);
    }

    protected static AccountChange noChange() {
        return new AccountChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    Tenant tenant;
    Domain domain;

    @BeforeEach
    void aTenantWithADomain() throws StoreException {
        tenant = admin().createTenant(unique("Tenant "), 0, 0);
        domain = admin().createDomain(tenant.id(), unique("d") + ".test");
    }

    EmailAddress at(String localPart) {
        return new EmailAddress(localPart, domain.name());
    }

    Account account(String localPart) throws StoreException {
        return admin().createAccount(tenant.id(), at(localPart), localPart + " Example", "secret-" + localPart, 0);
    }

    @Nested
    class Tenants {
        @Test
        void aCreatedTenantReadsBack() throws StoreException {
            String name = unique("Acme ");
            Tenant t = admin().createTenant(name, 10, 1_000_000);
            assertThat(t.name()).isEqualTo(name);
            assertThat(t.maxAccounts()).isEqualTo(10);
            assertThat(t.maxStorageBytes()).isEqualTo(1_000_000);
            assertThat(t.suspended()).isFalse();
            assertThat(t.created()).isCloseTo(Instant.now(), within());
            assertThat(admin().tenant(t.id())).isEqualTo(t);
            assertThat(admin().tenants()).contains(t);
        }

        @Test
        void tenantNamesAreUnique() throws StoreException {
            assertFails(Reason.ALREADY_EXISTS, () -> admin().createTenant(tenant.name(), 0, 0));
            Tenant other = admin().createTenant(unique("Other "), 0, 0);
            assertFails(Reason.ALREADY_EXISTS, () -> admin().updateTenant(other.id(), tenant.name(), 0, 0, false));
        }

        @Test
        void badValuesAreInvalidNamingTheField() {
            assertInvalid("name", () -> admin().createTenant(" ", 0, 0));
            assertInvalid("name", () -> admin().createTenant(null, 0, 0));
            assertInvalid("name", () -> admin().createTenant("x".repeat(201), 0, 0));
            assertInvalid("maxAccounts", () -> admin().createTenant(unique("T"), -1, 0));
            assertInvalid("maxStorageBytes", () -> admin().createTenant(unique("T"), 0, -1));
            assertInvalid("maxAccounts", () -> admin().updateTenant(tenant.id(), tenant.name(), -5, 0, false));
        }

        @Test
        void anUpdateChangesEveryField() throws StoreException {
            String name = unique("Renamed ");
            Tenant t = admin().updateTenant(tenant.id(), name, 5, 500, true);
            assertThat(t).isEqualTo(new Tenant(tenant.id(), name, 5, 500, true, tenant.created()));
            assertThat(admin().tenant(tenant.id())).isEqualTo(t);
        }

        @Test
        void anUnknownTenantIsNotFound() {
            TenantId missing = new TenantId(Long.MAX_VALUE);
            assertNotFound(() -> admin().tenant(missing));
            assertNotFound(() -> admin().updateTenant(missing, "x", 0, 0, false));
            assertNotFound(() -> admin().deleteTenant(missing));
            assertNotFound(() -> admin().createDomain(missing, unique("d") + ".test"));
            assertNotFound(() -> admin().domains(missing));
        }

        @Test
        void notFoundNamesWhatWasMissingWithItsId() {
            TenantId missing = new TenantId(424242);
            assertThat(assertFails(Reason.NOT_FOUND, () -> admin().tenant(missing))).hasMessage("tenant 424242 not found");
            assertThat(assertFails(Reason.NOT_FOUND, () -> admin().domain(tenant.id(), new DomainId(Long.MAX_VALUE))))
                    .hasMessage("domain " + Long.MAX_VALUE + " not found");
        }

        @Test
        void aTenantOwningDomainsIsInUseUntilTheyAreDeleted() throws StoreException {
            assertFails(Reason.IN_USE, () -> admin().deleteTenant(tenant.id()));
            admin().deleteDomain(tenant.id(), domain.id());
            admin().deleteTenant(tenant.id());
            assertNotFound(() -> admin().tenant(tenant.id()));
            assertThat(admin().tenants()).doesNotContain(tenant);
        }
    }

    @Nested
    class Domains {
        @Test
        void aDomainIsStoredLowerCaseAndFoundByName() throws StoreException {
            String name = unique("Mixed") + ".Example.TEST";
            Domain d = admin().createDomain(tenant.id(), name);
            assertThat(d.name()).isEqualTo(name.toLowerCase());
            assertThat(d.tenant()).isEqualTo(tenant.id());
            assertThat(d.aliases()).isEmpty();
            assertThat(d.catchAll()).isEmpty();
            assertThat(admin().domain(tenant.id(), d.id())).isEqualTo(d);
            assertThat(admin().findDomain(name.toUpperCase())).contains(d);
            assertThat(admin().domains(tenant.id())).containsExactlyInAnyOrder(domain, d);
        }

        @Test
        void anInternationalDomainIsKeptInUnicode() throws StoreException {
            String label = unique("b\u00fccher");
            Domain d = admin().createDomain(tenant.id(), label + ".test");
            assertThat(d.name()).isEqualTo(label + ".test");
            assertThat(admin().findDomain(java.net.IDN.toASCII(label) + ".test")).contains(d);
        }

        @Test
        void aDomainNameIsTakenOncePlatformWide() throws StoreException {
            Tenant other = admin().createTenant(unique("Other "), 0, 0);
            assertFails(Reason.ALREADY_EXISTS, () -> admin().createDomain(tenant.id(), domain.name()));
            assertFails(Reason.ALREADY_EXISTS, () -> admin().createDomain(other.id(), domain.name().toUpperCase()));
        }

        @Test
        void domainAliasNamesShareTheNamespaceWithDomainNames() throws StoreException {
            String aliasName = unique("alias") + ".test";
            Tenant other = admin().createTenant(unique("Other "), 0, 0);
            Domain otherDomain = admin().createDomain(other.id(), unique("o") + ".test");
            admin().addDomainAlias(tenant.id(), domain.id(), aliasName);
            assertFails(Reason.ALREADY_EXISTS, () -> admin().createDomain(other.id(), aliasName));
            assertFails(Reason.ALREADY_EXISTS, () -> admin().addDomainAlias(other.id(), otherDomain.id(), aliasName));
            assertFails(Reason.ALREADY_EXISTS, () -> admin().addDomainAlias(tenant.id(), domain.id(), otherDomain.name()));
            assertFails(Reason.ALREADY_EXISTS, () -> admin().addDomainAlias(tenant.id(), domain.id(), domain.name()));
        }

        @Test
        void domainAliasesAreAddedFoundAndRemoved() throws StoreException {
            String a1 = unique("b") + ".test";
            String a2 = unique("a") + ".test";
            admin().addDomainAlias(tenant.id(), domain.id(), a1);
            Domain d = admin().addDomainAlias(tenant.id(), domain.id(), a2.toUpperCase());
            assertThat(d.aliases()).containsExactlyInAnyOrder(a1, a2);
            assertThat(admin().findDomain(a1)).contains(d);
            d = admin().removeDomainAlias(tenant.id(), domain.id(), a1);
            assertThat(d.aliases()).containsExactly(a2);
            assertThat(admin().findDomain(a1)).isEmpty();
            assertThat(admin().domain(tenant.id(), domain.id())).isEqualTo(d);
        }

        @Test
        void onlyAnAliasNameCanBeRemoved() {
            assertNotFound(() -> admin().removeDomainAlias(tenant.id(), domain.id(), domain.name()));
            assertNotFound(() -> admin().removeDomainAlias(tenant.id(), domain.id(), unique("never") + ".test"));
        }

        @Test
        void badDomainNamesAreInvalidNamingTheField() {
            assertInvalid("name", () -> admin().createDomain(tenant.id(), ""));
            assertInvalid("name", () -> admin().createDomain(tenant.id(), "bad..test"));
            assertInvalid("name", () -> admin().createDomain(tenant.id(), "under_score.test"));
            assertInvalid("name", () -> admin().createDomain(tenant.id(), "localhost"));
            assertInvalid("aliasName", () -> admin().addDomainAlias(tenant.id(), domain.id(), "-bad.test"));
        }

        @Test
        void aCatchAllIsSetAndCleared() throws StoreException {
            account("postmaster");
            Domain d = admin().setCatchAll(tenant.id(), domain.id(), Optional.of(at("Postmaster")));
            assertThat(d.catchAll()).contains(at("Postmaster"));
            assertThat(admin().domain(tenant.id(), domain.id()).catchAll()).contains(at("Postmaster"));
            d = admin().setCatchAll(tenant.id(), domain.id(), Optional.of(address("archive@elsewhere.example")));
            assertThat(d.catchAll()).contains(address("archive@elsewhere.example"));
            d = admin().setCatchAll(tenant.id(), domain.id(), Optional.empty());
            assertThat(d.catchAll()).isEmpty();
        }

        @Test
        void aCatchAllToAMissingAddressOfTheTenantIsInvalid() {
            assertInvalid("target", () -> admin().setCatchAll(tenant.id(), domain.id(), Optional.of(at("nobody"))));
        }

        @Test
        void aDomainInUseCannotBeDeleted() throws StoreException {
            Account a = account("user");
            assertThat(assertFails(Reason.IN_USE, () -> admin().deleteDomain(tenant.id(), domain.id())))
                    .hasMessage("domain " + domain.name() + " still has accounts, aliases or groups");
            admin().deleteAccount(tenant.id(), a.id());
            admin().createAlias(tenant.id(), at("alias"), List.of(address("x@elsewhere.example")));
            assertFails(Reason.IN_USE, () -> admin().deleteDomain(tenant.id(), domain.id()));
        }

        @Test
        void aDeletedDomainFreesItsNames() throws StoreException {
            String aliasName = unique("alias") + ".test";
            admin().addDomainAlias(tenant.id(), domain.id(), aliasName);
            admin().deleteDomain(tenant.id(), domain.id());
            assertNotFound(() -> admin().domain(tenant.id(), domain.id()));
            assertThat(admin().findDomain(domain.name())).isEmpty();
            assertThat(admin().findDomain(aliasName)).isEmpty();
            Tenant other = admin().createTenant(unique("Other "), 0, 0);
            assertThat(admin().createDomain(other.id(), domain.name()).name()).isEqualTo(domain.name());
            assertThat(admin().createDomain(other.id(), aliasName).name()).isEqualTo(aliasName);
        }
    }

    @Nested
    class Accounts {
        @Test
        void aNewAccountHasTheGivenValuesAndTheDefaults() throws StoreException {
            Account a = admin().createAccount(tenant.id(), at("Jane.Doe"), "Jane Doe", "pw", 5_000_000);
            assertThat(a.address()).isEqualTo(at("Jane.Doe"));
            assertThat(a.tenant()).isEqualTo(tenant.id());
            assertThat(a.domain()).isEqualTo(domain.id());
            assertThat(a.displayName()).isEqualTo("Jane Doe");
            assertThat(a.enabled()).isTrue();
            assertThat(a.quotaBytes()).isEqualTo(5_000_000);
            assertThat(a.protocols()).containsExactlyInAnyOrder(Protocol.values());
            assertThat(a.appPasswordRequired()).isFalse();
            assertThat(a.created()).isCloseTo(Instant.now(), within());
            assertThat(admin().account(tenant.id(), a.id())).isEqualTo(a);
        }

        @Test
        void anAccountCreatedInADomainAliasBelongsToTheDomain() throws StoreException {
            String aliasName = unique("alias") + ".test";
            admin().addDomainAlias(tenant.id(), domain.id(), aliasName);
            Account a = admin().createAccount(tenant.id(), new EmailAddress("ann", aliasName), "", "pw", 0);
            assertThat(a.address()).isEqualTo(at("ann"));
            assertThat(admin().findAccount(tenant.id(), new EmailAddress("ANN", aliasName))).contains(a);
        }

        @Test
        void anAddressBelongsToOneAccountAliasOrGroupWhateverItsCase() throws StoreException {
            account("taken");
            admin().createAlias(tenant.id(), at("alias"), List.of(at("taken")));
            admin().createGroup(tenant.id(), at("group"), "G", List.of(), SendPolicy.ANYONE);
            for (String local : List.of("TAKEN", "Alias", "group")) {
                assertFails(Reason.ALREADY_EXISTS, () -> admin().createAccount(tenant.id(), at(local), "", "pw", 0));
                assertFails(Reason.ALREADY_EXISTS, () -> admin().createAlias(tenant.id(), at(local), List.of(address("x@elsewhere.example"))));
                assertFails(Reason.ALREADY_EXISTS, () -> admin().createGroup(tenant.id(), at(local), "", List.of(), SendPolicy.ANYONE));
            }
        }

        @Test
        void anAddressInADomainAliasIsTheSameAddress() throws StoreException {
            String aliasName = unique("alias") + ".test";
            admin().addDomainAlias(tenant.id(), domain.id(), aliasName);
            account("bob");
            assertFails(Reason.ALREADY_EXISTS, () -> admin().createAccount(tenant.id(), new EmailAddress("Bob", aliasName), "", "pw", 0));
        }

        @Test
        void anAccountOutsideTheTenantsDomainsIsInvalid() throws StoreException {
            Tenant other = admin().createTenant(unique("Other "), 0, 0);
            Domain foreign = admin().createDomain(other.id(), unique("f") + ".test");
            assertInvalid("address", () -> admin().createAccount(tenant.id(), new EmailAddress("x", foreign.name()), "", "pw", 0));
            assertInvalid("address", () -> admin().createAccount(tenant.id(), address("x@unknown-domain.example"), "", "pw", 0));
        }

        @Test
        void badAccountValuesAreInvalidNamingTheField() {
            assertInvalid("address", () -> admin().createAccount(tenant.id(), null, "", "pw", 0));
            assertInvalid("password", () -> admin().createAccount(tenant.id(), at("a"), "", "", 0));
            assertInvalid("password", () -> admin().createAccount(tenant.id(), at("a"), "", null, 0));
            assertInvalid("quotaBytes", () -> admin().createAccount(tenant.id(), at("a"), "", "pw", -1));
            assertInvalid("displayName", () -> admin().createAccount(tenant.id(), at("a"), "x".repeat(201), "pw", 0));
            assertInvalid("displayName", () -> admin().createAccount(tenant.id(), at("a"), "line\nbreak", "pw", 0));
        }

        @Test
        void theTenantsAccountLimitIsNotAllowedToBeExceeded() throws StoreException {
            admin().updateTenant(tenant.id(), tenant.name(), 2, 0, false);
            account("one");
            Account two = account("two");
            assertFails(Reason.NOT_ALLOWED, () -> account("three"));
            admin().deleteAccount(tenant.id(), two.id());
            assertThat(account("three").address()).isEqualTo(at("three"));
        }

        @Test
        void concurrentCreationsCannotExceedTheAccountLimit() throws Exception {
            admin().updateTenant(tenant.id(), tenant.name(), 3, 0, false);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String local = "racer" + i;
                    Callable<Boolean> create = () -> {
                        try {
                            account(local);
                            return true;
                        } catch (StoreException e) {
                            if (e.reason() != Reason.NOT_ALLOWED) throw e;
                            return false;
                        }
                    };
                    results.add(pool.submit(create));
                }
                int created = 0;
                for (Future<Boolean> f : results) if (f.get(120, TimeUnit.SECONDS)) created++;
                assertThat(created).isEqualTo(3);
                assertThat(admin().accounts(tenant.id(), Optional.empty(), null, 0, 100).total()).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void aQuotaAboveWhatTheTenantMayStoreIsNotAllowed() throws StoreException {
            admin().updateTenant(tenant.id(), tenant.name(), 0, 1000, false);
            assertFails(Reason.NOT_ALLOWED, () -> admin().createAccount(tenant.id(), at("big"), "", "pw", 1001));
            Account a = admin().createAccount(tenant.id(), at("fits"), "", "pw", 1000);
            assertFails(Reason.NOT_ALLOWED, () -> admin().updateAccount(tenant.id(), a.id(),
                    new AccountChange(Optional.empty(), Optional.empty(), Optional.of(2000L), Optional.empty(), Optional.empty())));
        }

        @Test
        void anUpdateChangesOnlyTheGivenFields() throws StoreException {
            Account a = account("changing");
            Account b = admin().updateAccount(tenant.id(), a.id(), new AccountChange(Optional.of("New Name"), Optional.empty(),
                    Optional.of(42L), Optional.empty(), Optional.empty()));
            assertThat(b).isEqualTo(new Account(a.id(), a.tenant(), a.domain(), a.address(), "New Name", true, 42,
                    a.protocols(), false, a.created()));
            Account c = admin().updateAccount(tenant.id(), a.id(), new AccountChange(Optional.empty(), Optional.of(false),
                    Optional.empty(), Optional.of(EnumSet.of(Protocol.IMAP)), Optional.of(true)));
            assertThat(c).isEqualTo(new Account(a.id(), a.tenant(), a.domain(), a.address(), "New Name", false, 42,
                    Set.of(Protocol.IMAP), true, a.created()));
            assertThat(admin().updateAccount(tenant.id(), a.id(), noChange())).isEqualTo(c);
            assertThat(admin().account(tenant.id(), a.id())).isEqualTo(c);
        }

        @Test
        void accountsArePagedInAddressOrder() throws StoreException {
            for (String l : List.of("delta", "alpha", "echo", "charlie", "bravo")) account(l);
            Page<Account> first = admin().accounts(tenant.id(), Optional.empty(), null, 0, 2);
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.items()).extracting(a -> a.address().localPart()).containsExactly("alpha", "bravo");
            Page<Account> last = admin().accounts(tenant.id(), Optional.of(domain.id()), "", 4, 2);
            assertThat(last.items()).extracting(a -> a.address().localPart()).containsExactly("echo");
            assertThat(last.offset()).isEqualTo(4);
            assertThat(last.limit()).isEqualTo(2);
            assertThat(admin().accounts(tenant.id(), Optional.empty(), null, 10, 2).items()).isEmpty();
        }

        @Test
        void accountsCanBeOrderedByDisplayNameQuotaOrCreationEitherWay() throws StoreException {
            admin().createAccount(tenant.id(), at("c"), "anna", "pw", 300);
            admin().createAccount(tenant.id(), at("a"), "Carl", "pw", 100);
            admin().createAccount(tenant.id(), at("b"), "Bert", "pw", 100);
            assertThat(admin().accounts(tenant.id(), Optional.empty(), null, AccountOrder.parse("displayName"), 0, 10).items())
                    .as("case-insensitive").extracting(a -> a.address().localPart()).containsExactly("c", "b", "a");
            assertThat(admin().accounts(tenant.id(), Optional.empty(), null, AccountOrder.parse("-quotaBytes"), 0, 10).items())
                    .as("ties by address, in the same direction").extracting(a -> a.address().localPart()).containsExactly("c", "b", "a");
            assertThat(admin().accounts(tenant.id(), Optional.empty(), null, AccountOrder.parse("quotaBytes"), 1, 1).items())
                    .extracting(a -> a.address().localPart()).containsExactly("b");
            assertThat(admin().accounts(tenant.id(), Optional.empty(), null, AccountOrder.parse("-address"), 0, 10).items())
                    .extracting(a -> a.address().localPart()).containsExactly("c", "b", "a");
            assertThat(admin().accounts(tenant.id(), Optional.empty(), null, AccountOrder.parse("created"), 0, 10).total()).isEqualTo(3);
        }

        @Test
        void searchMatchesAddressOrDisplayNameIgnoringCase() throws StoreException {
            admin().createAccount(tenant.id(), at("jsmith"), "John Smith", "pw", 0);
            admin().createAccount(tenant.id(), at("ann"), "Ann SMITHERS", "pw", 0);
            admin().createAccount(tenant.id(), at("bob"), "Bob Jones", "pw", 0);
            admin().createAccount(tenant.id(), at("under_score"), "100% real", "pw", 0);
            assertThat(admin().accounts(tenant.id(), Optional.empty(), "smith", 0, 10).items())
                    .extracting(a -> a.address().localPart()).containsExactly("ann", "jsmith");
            Page<Account> page = admin().accounts(tenant.id(), Optional.empty(), "SMITH", 1, 10);
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.items()).extracting(a -> a.address().localPart()).containsExactly("jsmith");
            assertThat(admin().accounts(tenant.id(), Optional.empty(), "BOB@", 0, 10).items()).hasSize(1);
            assertThat(admin().accounts(tenant.id(), Optional.empty(), "_", 0, 10).items()).as("_ is no wildcard")
                    .extracting(a -> a.address().localPart()).containsExactly("under_score");
            assertThat(admin().accounts(tenant.id(), Optional.empty(), "0%", 0, 10).items()).as("% is no wildcard").hasSize(1);
            assertThat(admin().accounts(tenant.id(), Optional.empty(), "nobody", 0, 10).total()).isZero();
        }

        @Test
        void accountsCanBeListedPerDomain() throws StoreException {
            Domain second = admin().createDomain(tenant.id(), unique("second") + ".test");
            account("first-domain");
            admin().createAccount(tenant.id(), new EmailAddress("second-domain", second.name()), "", "pw", 0);
            assertThat(admin().accounts(tenant.id(), Optional.of(second.id()), null, 0, 10).items())
                    .extracting(a -> a.address().localPart()).containsExactly("second-domain");
            assertThat(admin().accounts(tenant.id(), Optional.empty(), null, 0, 10).total()).isEqualTo(2);
        }

        @Test
        void badPagingIsInvalidNamingTheField() {
            assertInvalid("offset", () -> admin().accounts(tenant.id(), Optional.empty(), null, -1, 10));
            assertInvalid("limit", () -> admin().accounts(tenant.id(), Optional.empty(), null, 0, 0));
            assertInvalid("limit", () -> admin().accounts(tenant.id(), Optional.empty(), null, 0, 1_000_000));
        }

        @Test
        void aDeletedAccountIsGoneWithItsReferencesAndItsAddressIsFree() throws StoreException {
            Account gone = account("leaver");
            account("stays");
            String aliasName = unique("alias") + ".test";
            admin().addDomainAlias(tenant.id(), domain.id(), aliasName);
            Alias alias = admin().createAlias(tenant.id(), at("fwd"), List.of(new EmailAddress("Leaver", aliasName), at("stays")));
            Group group = admin().createGroup(tenant.id(), at("team"), "Team", List.of(at("leaver"), at("stays")), SendPolicy.ANYONE);
            admin().setCatchAll(tenant.id(), domain.id(), Optional.of(at("leaver")));
            admin().createAppPassword(tenant.id(), gone.id(), "phone", EnumSet.of(Protocol.IMAP), List.of(), Optional.empty());

            admin().deleteAccount(tenant.id(), gone.id());

            assertNotFound(() -> admin().account(tenant.id(), gone.id()));
            assertThat(admin().findAccount(tenant.id(), at("leaver"))).isEmpty();
            assertThat(admin().alias(tenant.id(), alias.id()).targets()).containsExactly(at("stays"));
            assertThat(admin().group(tenant.id(), group.id()).members()).containsExactly(at("stays"));
            assertThat(admin().domain(tenant.id(), domain.id()).catchAll()).isEmpty();
            Account again = account("leaver");
            assertThat(again.id()).isNotEqualTo(gone.id());
            assertThat(admin().appPasswords(tenant.id(), again.id())).isEmpty();
            assertNotFound(() -> admin().deleteAccount(tenant.id(), gone.id()));
        }
    }

    @Nested
    class AppPasswords {
        @Test
        void theSecretIsShownOnceAndTheRestIsListed() throws StoreException {
            Account a = account("owner");
            Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
            NewAppPassword created = admin().createAppPassword(tenant.id(), a.id(), "Phone", EnumSet.of(Protocol.IMAP, Protocol.SMTP),
                    List.of("192.0.2.0/24", "2001:db8::/32"), Optional.of(expires));
            assertThat(created.secret()).matches("[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}");
            AppPassword p = created.appPassword();
            assertThat(p.account()).isEqualTo(a.id());
            assertThat(p.label()).isEqualTo("Phone");
            assertThat(p.protocols()).containsExactlyInAnyOrder(Protocol.IMAP, Protocol.SMTP);
            assertThat(p.allowedNetworks()).hasSize(2);
            assertThat(p.expires()).contains(expires);
            assertThat(p.lastUse()).isEmpty();
            assertThat(admin().appPasswords(tenant.id(), a.id())).containsExactly(p);
        }

        @Test
        void networksAreStoredInCanonicalForm() throws StoreException {
            Account a = account("owner");
            AppPassword p = admin().createAppPassword(tenant.id(), a.id(), "Office", EnumSet.of(Protocol.IMAP),
                    List.of("10.1.2.3/8", "10.0.0.0/8", "198.51.100.7"), Optional.empty()).appPassword();
            assertThat(p.allowedNetworks()).containsExactly("10.0.0.0/8", "198.51.100.7/32");
        }

        @Test
        void badAppPasswordValuesAreInvalidNamingTheField() throws StoreException {
            Account a = account("owner");
            Set<Protocol> imap = EnumSet.of(Protocol.IMAP);
            assertInvalid("label", () -> admin().createAppPassword(tenant.id(), a.id(), " ", imap, List.of(), Optional.empty()));
            assertInvalid("protocols", () -> admin().createAppPassword(tenant.id(), a.id(), "x", Set.of(), List.of(), Optional.empty()));
            assertInvalid("allowedNetworks", () -> admin().createAppPassword(tenant.id(), a.id(), "x", imap, List.of("office"), Optional.empty()));
            assertInvalid("allowedNetworks", () -> admin().createAppPassword(tenant.id(), a.id(), "x", imap, List.of("10.0.0.0/33"), Optional.empty()));
            assertInvalid("expires", () -> admin().createAppPassword(tenant.id(), a.id(), "x", imap, List.of(),
                    Optional.of(Instant.now().minusSeconds(60))));
        }

        @Test
        void anAppPasswordIsDeletedOnlyThroughItsAccount() throws StoreException {
            Account a = account("owner");
            Account b = account("other");
            AppPassword p = admin().createAppPassword(tenant.id(), a.id(), "x", EnumSet.of(Protocol.POP3), List.of(), Optional.empty()).appPassword();
            assertNotFound(() -> admin().deleteAppPassword(tenant.id(), b.id(), p.id()));
            admin().deleteAppPassword(tenant.id(), a.id(), p.id());
            assertThat(admin().appPasswords(tenant.id(), a.id())).isEmpty();
            assertNotFound(() -> admin().deleteAppPassword(tenant.id(), a.id(), p.id()));
        }
    }

    @Nested
    class Aliases {
        @Test
        void anAliasKeepsItsTargetsInOrderWithoutDuplicates() throws StoreException {
            account("bob");
            Alias a = admin().createAlias(tenant.id(), at("Info"),
                    List.of(at("bob"), address("Partner@Elsewhere.example"), at("BOB"), address("partner@elsewhere.example")));
            assertThat(a.address()).isEqualTo(at("Info"));
            assertThat(a.tenant()).isEqualTo(tenant.id());
            assertThat(a.targets()).containsExactly(at("bob"), address("Partner@elsewhere.example"));
            assertThat(admin().alias(tenant.id(), a.id())).isEqualTo(a);
            assertThat(admin().aliases(tenant.id(), Optional.empty())).containsExactly(a);
            assertThat(admin().aliases(tenant.id(), Optional.of(domain.id()))).containsExactly(a);
        }

        @Test
        void anUpdateReplacesTheTargets() throws StoreException {
            account("bob");
            account("ann");
            Alias a = admin().createAlias(tenant.id(), at("info"), List.of(at("bob")));
            Alias b = admin().updateAlias(tenant.id(), a.id(), List.of(at("ann"), at("bob")));
            assertThat(b.targets()).containsExactly(at("ann"), at("bob"));
            assertThat(admin().alias(tenant.id(), a.id())).isEqualTo(b);
        }

        @Test
        void targetsInTheTenantsDomainsMustExist() throws StoreException {
            Tenant other = admin().createTenant(unique("Other "), 0, 0);
            Domain foreign = admin().createDomain(other.id(), unique("f") + ".test");
            assertInvalid("targets", () -> admin().createAlias(tenant.id(), at("info"), List.of(at("typo"))));
            Alias a = admin().createAlias(tenant.id(), at("info"),
                    List.of(address("anyone@elsewhere.example"), new EmailAddress("whoever", foreign.name())));
            assertThat(a.targets()).hasSize(2);
        }

        @Test
        void anAliasCannotPointAtItselfOrBeEmpty() throws StoreException {
            assertInvalid("targets", () -> admin().createAlias(tenant.id(), at("self"), List.of(at("self"))));
            assertInvalid("targets", () -> admin().createAlias(tenant.id(), at("empty"), List.of()));
            Alias a = admin().createAlias(tenant.id(), at("loopy"), List.of(address("x@elsewhere.example")));
            assertInvalid("targets", () -> admin().updateAlias(tenant.id(), a.id(), List.of(at("LOOPY"))));
        }

        @Test
        void aDeletedAliasFreesItsAddressAndLeavesItsReferrers() throws StoreException {
            Alias a = admin().createAlias(tenant.id(), at("old"), List.of(address("x@elsewhere.example")));
            Alias referrer = admin().createAlias(tenant.id(), at("referrer"), List.of(at("old"), address("y@elsewhere.example")));
            admin().deleteAlias(tenant.id(), a.id());
            assertNotFound(() -> admin().alias(tenant.id(), a.id()));
            assertThat(admin().alias(tenant.id(), referrer.id()).targets()).containsExactly(address("y@elsewhere.example"));
            assertThat(account("old").address()).isEqualTo(at("old"));
        }
    }

    @Nested
    class Groups {
        @Test
        void aGroupKeepsItsMembersAndPolicy() throws StoreException {
            account("bob");
            Group g = admin().createGroup(tenant.id(), at("team"), "The Team", List.of(at("bob"), address("guest@elsewhere.example")),
                    SendPolicy.MEMBERS);
            assertThat(g.address()).isEqualTo(at("team"));
            assertThat(g.displayName()).isEqualTo("The Team");
            assertThat(g.members()).containsExactly(at("bob"), address("guest@elsewhere.example"));
            assertThat(g.sendPolicy()).isEqualTo(SendPolicy.MEMBERS);
            assertThat(admin().group(tenant.id(), g.id())).isEqualTo(g);
            assertThat(admin().groups(tenant.id(), Optional.of(domain.id()))).containsExactly(g);
        }

        @Test
        void anUpdateReplacesNameMembersAndPolicy() throws StoreException {
            account("bob");
            account("ann");
            Group g = admin().createGroup(tenant.id(), at("team"), "Team", List.of(at("bob")), SendPolicy.ANYONE);
            Group h = admin().updateGroup(tenant.id(), g.id(), "Renamed", List.of(at("ann")), SendPolicy.SAME_DOMAIN);
            assertThat(h).isEqualTo(new Group(g.id(), tenant.id(), at("team"), "Renamed", List.of(at("ann")), SendPolicy.SAME_DOMAIN));
            assertThat(admin().group(tenant.id(), g.id())).isEqualTo(h);
        }

        @Test
        void badGroupValuesAreInvalidNamingTheField() throws StoreException {
            assertInvalid("policy", () -> admin().createGroup(tenant.id(), at("g"), "", List.of(), null));
            assertInvalid("members", () -> admin().createGroup(tenant.id(), at("g"), "", List.of(at("nobody")), SendPolicy.ANYONE));
            Group g = admin().createGroup(tenant.id(), at("g"), "", List.of(), SendPolicy.ANYONE);
            assertInvalid("members", () -> admin().updateGroup(tenant.id(), g.id(), "", List.of(at("g")), SendPolicy.ANYONE));
        }

        @Test
        void groupsMayContainGroups() throws StoreException {
            Group inner = admin().createGroup(tenant.id(), at("inner"), "", List.of(), SendPolicy.ANYONE);
            Group outer = admin().createGroup(tenant.id(), at("outer"), "", List.of(at("inner")), SendPolicy.ANYONE);
            assertThat(admin().updateGroup(tenant.id(), inner.id(), "", List.of(at("outer")), SendPolicy.ANYONE).members())
                    .containsExactly(at("outer"));
            admin().deleteGroup(tenant.id(), inner.id());
            assertThat(admin().group(tenant.id(), outer.id()).members()).isEmpty();
            assertNotFound(() -> admin().group(tenant.id(), inner.id()));
            assertThat(admin().groups(tenant.id(), Optional.empty())).extracting(Group::id).containsExactly(outer.id());
        }
    }

    @Nested
    class TenantIsolation {
        Tenant intruder;
        Account account;
        Alias alias;
        Group group;
        AppPassword appPassword;

        @BeforeEach
        void anotherTenant() throws StoreException {
            intruder = admin().createTenant(unique("Intruder "), 0, 0);
            admin().createDomain(intruder.id(), unique("intruder") + ".test");
            account = account("victim");
            alias = admin().createAlias(tenant.id(), at("alias"), List.of(at("victim")));
            group = admin().createGroup(tenant.id(), at("group"), "", List.of(at("victim")), SendPolicy.ANYONE);
            appPassword = admin().createAppPassword(tenant.id(), account.id(), "x", EnumSet.of(Protocol.IMAP), List.of(), Optional.empty())
                    .appPassword();
        }

        @Test
        void anotherTenantsIdsAreNotFound() {
            TenantId b = intruder.id();
            assertNotFound(() -> admin().domain(b, domain.id()));
            assertNotFound(() -> admin().addDomainAlias(b, domain.id(), unique("a") + ".test"));
            assertNotFound(() -> admin().removeDomainAlias(b, domain.id(), domain.name()));
            assertNotFound(() -> admin().setCatchAll(b, domain.id(), Optional.empty()));
            assertNotFound(() -> admin().deleteDomain(b, domain.id()));
            assertNotFound(() -> admin().accounts(b, Optional.of(domain.id()), null, 0, 10));
            assertNotFound(() -> admin().aliases(b, Optional.of(domain.id())));
            assertNotFound(() -> admin().groups(b, Optional.of(domain.id())));
            assertNotFound(() -> admin().account(b, account.id()));
            assertNotFound(() -> admin().updateAccount(b, account.id(), noChange()));
            assertNotFound(() -> admin().setPassword(b, account.id(), "stolen"));
            assertNotFound(() -> admin().deleteAccount(b, account.id()));
            assertNotFound(() -> admin().createAppPassword(b, account.id(), "x", EnumSet.of(Protocol.IMAP), List.of(), Optional.empty()));
            assertNotFound(() -> admin().appPasswords(b, account.id()));
            assertNotFound(() -> admin().deleteAppPassword(b, account.id(), appPassword.id()));
            assertNotFound(() -> admin().alias(b, alias.id()));
            assertNotFound(() -> admin().updateAlias(b, alias.id(), List.of(address("x@elsewhere.example"))));
            assertNotFound(() -> admin().deleteAlias(b, alias.id()));
            assertNotFound(() -> admin().group(b, group.id()));
            assertNotFound(() -> admin().updateGroup(b, group.id(), "", List.of(), SendPolicy.ANYONE));
            assertNotFound(() -> admin().deleteGroup(b, group.id()));
        }

        @Test
        void anotherTenantSeesNoneOfTheRows() throws StoreException {
            TenantId b = intruder.id();
            assertThat(admin().findAccount(b, at("victim"))).isEmpty();
            assertThat(admin().accounts(b, Optional.empty(), null, 0, 10).total()).isZero();
            assertThat(admin().aliases(b, Optional.empty())).isEmpty();
            assertThat(admin().groups(b, Optional.empty())).isEmpty();
            assertThat(admin().domains(b)).extracting(Domain::id).doesNotContain(domain.id());
        }

        @Test
        void anotherTenantsDomainIsLikeAnUnknownOne() {
            assertInvalid("address", () -> admin().createAccount(intruder.id(), at("mine"), "", "pw", 0));
            assertInvalid("address", () -> admin().createAlias(intruder.id(), at("mine"), List.of(address("x@elsewhere.example"))));
            assertInvalid("address", () -> admin().createGroup(intruder.id(), at("mine"), "", List.of(), SendPolicy.ANYONE));
        }

        @Test
        void nothingChangedForTheOwner() throws StoreException {
            anotherTenantsIdsAreNotFound();
            assertThat(admin().account(tenant.id(), account.id())).isEqualTo(account);
            assertThat(admin().alias(tenant.id(), alias.id())).isEqualTo(alias);
            assertThat(admin().group(tenant.id(), group.id())).isEqualTo(group);
            assertThat(admin().appPasswords(tenant.id(), account.id())).containsExactly(appPassword);
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(5, ChronoUnit.MINUTES);
    }
}
