package io.tenmail.storage.jpa;

import io.tenmail.storage.Directory;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.DirectoryAdminContract;
import io.tenmail.storage.DirectoryContract;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.SpamPoliciesContract;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.directory.VerifiedPasswords;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Group;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamPolicy;
import io.tenmail.storage.model.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tenmail.storage.StoreAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the {@link Directory} and {@link DirectoryAdmin} contracts on the JPA implementation, plus
 * what only this implementation can show (the schema's own unique keys, hash upgrades). One
 * database per concrete class; subclasses say which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaDirectoryTests {
    Database database;
    Transactions transactions;
    final TestClock clock = new TestClock(Instant.now());
    JpaDirectory directory;
    /** The same directory remembering verified passwords for a minute of {@link #clock}. */
    VerifiedPasswords remembered;
    JpaDirectory rememberingDirectory;
    JpaDirectoryAdmin admin;

    /** The database to run on; may abort the whole class with an assumption. */
    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void openDatabase(@TempDir Path dataDir) {
        database = new Database(settings(dataDir));
        transactions = new Transactions(database.entityManagerFactory());
        PasswordHasher hasher = PasswordHasher.owaspMinimum();
        directory = new JpaDirectory(transactions, hasher, clock);
        remembered = new VerifiedPasswords(Duration.ofMinutes(1), 1000, clock);
        rememberingDirectory = new JpaDirectory(transactions, hasher, clock, remembered);
        admin = new JpaDirectoryAdmin(transactions, hasher, clock, TestDkimKeys.SHARED);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());   // the contracts compare creation times with the real time
    }

    @Nested
    class DirectoryPort extends DirectoryContract {
        @Override
        protected Directory directory() {
            return directory;
        }

        @Override
        protected DirectoryAdmin admin() {
            return admin;
        }

        @Override
        protected void timePasses(Duration duration) {
            clock.advance(duration);
        }
    }

    /** The whole contract again, with verified passwords remembered. */
    @Nested
    class DirectoryPortRememberingPasswords extends DirectoryContract {
        @Override
        protected Directory directory() {
            return rememberingDirectory;
        }

        @Override
        protected DirectoryAdmin admin() {
            return admin;
        }

        @Override
        protected void timePasses(Duration duration) {
            clock.advance(duration);
        }
    }

    @Nested
    class RememberedPasswords {
        static final String PASSWORD = "a password for remembering";

        @Test
        void aVerifiedPasswordIsRememberedForItsTimeToLiveOnly() throws StoreException {
            Tenant tenant = admin.createTenant("remembered " + System.nanoTime(), 0, 0);
            Domain domain = admin.createDomain(tenant.id(), "remembered" + System.nanoTime() + ".test");
            Account carol = admin.createAccount(tenant.id(), new EmailAddress("carol", domain.name()), "", PASSWORD, 0);
            String user = carol.address().toString();
            long id = carol.id().value();
            String hash = transactions.run(em -> em.find(AccountEntity.class, id).passwordHash());
            assertThat(remembered.recentlyVerified(id, hash, PASSWORD)).isFalse();

            assertThat(rememberingDirectory.authenticate(user, PASSWORD, Protocol.POP3, null).succeeded()).isTrue();
            assertThat(remembered.recentlyVerified(id, hash, PASSWORD)).isTrue();
            assertThat(rememberingDirectory.authenticate(user, "wrong", Protocol.POP3, null).succeeded()).isFalse();
            assertThat(remembered.recentlyVerified(id, hash, "wrong")).as("failures are never remembered").isFalse();

            clock.advance(Duration.ofMinutes(1));
            assertThat(remembered.recentlyVerified(id, hash, PASSWORD)).isFalse();
            assertThat(rememberingDirectory.authenticate(user, PASSWORD, Protocol.POP3, null).succeeded()).isTrue();
            assertThat(remembered.recentlyVerified(id, hash, PASSWORD)).isTrue();
        }
    }

    @Nested
    class DirectoryAdminPort extends DirectoryAdminContract {
        @Override
        protected DirectoryAdmin admin() {
            return admin;
        }
    }

    @Nested
    class SpamFiltering extends SpamPoliciesContract {
        @Override
        protected DirectoryAdmin admin() {
            return admin;
        }

        @Override
        protected SpamPolicies policies() {
            return new JpaSpamPolicies(transactions);
        }
    }

    /**
     * The routing answers are cached (ReadCache): a change committed through the administration
     * must be seen by the very next call, even when the old answer was cached just before.
     */
    @Nested
    class CachedAnswers {
        Tenant tenant;
        Domain domain;
        Account alice;

        @BeforeEach
        void aDomainWithAnAccount() throws StoreException {
            tenant = admin.createTenant("cached " + System.nanoTime(), 0, 0);
            domain = admin.createDomain(tenant.id(), "cached" + System.nanoTime() + ".test");
            alice = admin.createAccount(tenant.id(), address("alice"), "", "pw", 0);
        }

        EmailAddress address(String localPart) {
            return new EmailAddress(localPart, domain.name());
        }

        @Test
        void aNewAccountIsFoundRightAfterItsAddressWasCachedAsUnknown() throws StoreException {
            assertThat(directory.resolve(address("bob")).kind()).isEqualTo(Resolution.Kind.UNKNOWN_LOCAL);
            assertThat(directory.findAccount(address("bob"))).isEmpty();

            Account bob = admin.createAccount(tenant.id(), address("bob"), "", "pw", 0);

            assertThat(directory.resolve(address("bob")).accounts()).containsExactly(bob.id());
            assertThat(directory.findAccount(address("bob"))).map(Account::id).contains(bob.id());
        }

        @Test
        void aNewAliasLeadsToItsTargetAtOnce() throws StoreException {
            assertThat(directory.resolve(address("info")).kind()).isEqualTo(Resolution.Kind.UNKNOWN_LOCAL);
            assertThat(directory.maySendAs(alice.id(), address("info"))).isFalse();

            admin.createAlias(tenant.id(), address("info"), List.of(alice.address()));

            assertThat(directory.resolve(address("info")).accounts()).containsExactly(alice.id());
            assertThat(directory.maySendAs(alice.id(), address("info"))).isTrue();
        }

        @Test
        void aDisabledAccountIsSeenDisabledByTheNextCall() throws StoreException {
            assertThat(directory.findAccount(alice.id())).map(Account::enabled).contains(true);
            assertThat(directory.findAccount(alice.address())).map(Account::enabled).contains(true);

            admin.updateAccount(tenant.id(), alice.id(),
                    new DirectoryAdmin.AccountChange(Optional.empty(), Optional.of(false), Optional.of(1000L), Optional.empty(), Optional.empty()));

            assertThat(directory.findAccount(alice.id())).map(Account::enabled).contains(false);
            assertThat(directory.findAccount(alice.address())).map(Account::quotaBytes).contains(1000L);
        }

        @Test
        void aDeletedDomainIsNoLongerOurs() throws StoreException {
            Domain other = admin.createDomain(tenant.id(), "gone" + System.nanoTime() + ".test");
            Account carol = admin.createAccount(tenant.id(), new EmailAddress("carol", other.name()), "", "pw", 0);
            assertThat(directory.resolve(carol.address()).accounts()).containsExactly(carol.id());
            assertThat(directory.findAccount(carol.id())).isPresent();

            admin.deleteAccount(tenant.id(), carol.id());
            admin.deleteDomain(tenant.id(), other.id());

            assertThat(directory.resolve(carol.address()).kind()).isEqualTo(Resolution.Kind.NOT_LOCAL);
            assertThat(directory.findAccount(carol.id())).isEmpty();
        }

        @Test
        void aChangedGroupMembershipChangesWhoGetsItsMail() throws StoreException {
            Account bob = admin.createAccount(tenant.id(), address("bob"), "", "pw", 0);
            Group team = admin.createGroup(tenant.id(), address("team"), "Team", List.of(alice.address()), SendPolicy.MEMBERS);
            assertThat(directory.resolve(team.address()).accounts()).containsExactly(alice.id());
            assertThat(directory.mayPost(team.id(), bob.address())).isFalse();

            admin.updateGroup(tenant.id(), team.id(), "Team", List.of(alice.address(), bob.address()), SendPolicy.MEMBERS);

            assertThat(directory.resolve(team.address()).accounts()).containsExactlyInAnyOrder(alice.id(), bob.id());
            assertThat(directory.mayPost(team.id(), bob.address())).isTrue();
        }

        @Test
        void aSuspendedTenantStopsReceivingMailAtOnce() throws StoreException {
            Resolution before = directory.resolve(alice.address());
            admin.updateTenant(tenant.id(), tenant.name(), 0, 0, true);
            Resolution after = directory.resolve(alice.address());
            // whatever the resolver makes of a suspended tenant, it is read again, not served from before
            assertThat(directory.findAccount(alice.id())).isEqualTo(new JpaDirectory(transactions, PasswordHasher.owaspMinimum(), clock,
                    VerifiedPasswords.disabled(), Duration.ZERO).findAccount(alice.id()));
            assertThat(after).isEqualTo(new JpaDirectory(transactions, PasswordHasher.owaspMinimum(), clock,
                    VerifiedPasswords.disabled(), Duration.ZERO).resolve(alice.address()));
            assertThat(before.accounts()).containsExactly(alice.id());
        }

        @Test
        void aChangedSpamPolicyAndListAreSeenByTheNextMessage() throws StoreException {
            JpaSpamPolicies policies = new JpaSpamPolicies(transactions);
            assertThat(policies.policyFor(domain.name())).isEqualTo(SpamPolicy.DEFAULT);
            assertThat(policies.listsFor(alice.address().toString()).tenant()).isEmpty();

            SpamPolicy strict = new SpamPolicy(true, true, true, true, true, false, true, 3.0, 10.0);
            admin.setSpamPolicy(tenant.id(), domain.id(), strict);
            admin.setSpamList(tenant.id(), Optional.empty(), List.of(new SpamListEntry(SpamListEntry.Kind.BLOCK, "*@spammer.test")));

            assertThat(policies.policyFor(domain.name())).isEqualTo(strict);
            assertThat(policies.listsFor(alice.address().toString()).tenant()).hasSize(1);
        }

        @Test
        void repeatedRoutingQuestionsReadTheDatabaseOnce() throws StoreException {
            List<EmailAddress> recipients = new ArrayList<>();
            for (int i = 0; i < 10; i++) recipients.add(admin.createAccount(tenant.id(), address("user" + i), "", "pw", 0).address());
            JpaDirectory uncached = new JpaDirectory(transactions, PasswordHasher.owaspMinimum(), clock, VerifiedPasswords.disabled(), Duration.ZERO);

            long withoutCache = selectsFor(uncached, recipients);
            long withCache = selectsFor(directory, recipients);

            LoggerFactory.getLogger(JpaDirectoryTests.class).info(
                    "100 messages to 10 recipients, resolve + findAccount each: {} SELECTs without the cache, {} with it",
                    withoutCache, withCache);
            assertThat(withoutCache).isGreaterThanOrEqualTo(100 * 2 * 2);
            assertThat(withCache).isLessThanOrEqualTo(withoutCache / 50);
        }

        /** What 100 messages to each recipient cost in SELECTs: RCPT's resolve, delivery's findAccount. */
        private long selectsFor(Directory d, List<EmailAddress> recipients) throws StoreException {
            try (SqlStatements sql = SqlStatements.counting()) {
                for (int message = 0; message < 100; message++) {
                    for (EmailAddress r : recipients) {
                        d.resolve(r);
                        d.findAccount(r);
                    }
                }
                return sql.selects();
            }
        }
    }

    @Nested
    class Schema {
        Tenant tenant;
        Domain domain;

        @BeforeEach
        void aDomain() throws StoreException {
            tenant = admin.createTenant("schema " + System.nanoTime(), 0, 0);
            domain = admin.createDomain(tenant.id(), "schema" + System.nanoTime() + ".test");
        }

        @Test
        void theDatabaseItselfRefusesADuplicateAddress() throws StoreException {
            admin.createAccount(tenant.id(), new EmailAddress("dup", domain.name()), "", "pw", 0);
            // past every check in the code: only the unique key stands in the way
            assertFails(Reason.ALREADY_EXISTS, () -> transactions.run(em -> {
                DomainEntity d = em.find(DomainEntity.class, domain.id().value());
                em.persist(new AddressEntity(d, "DUP", AddressEntity.Kind.ALIAS));
                return null;
            }));
        }

        @Test
        void theDatabaseItselfRefusesADuplicateDomainName() {
            assertFails(Reason.ALREADY_EXISTS, () -> transactions.run(em -> {
                DomainEntity d = em.find(DomainEntity.class, domain.id().value());
                em.persist(new DomainNameEntity(d, domain.name(), true));
                return null;
            }));
        }

        @Test
        void aPasswordHashedWithWeakerParametersIsUpgradedAtLogin() throws StoreException {
            PasswordHasher weak = new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1));
            JpaDirectoryAdmin oldAdmin = new JpaDirectoryAdmin(transactions, weak, clock, TestDkimKeys.SHARED);
            Account a = oldAdmin.createAccount(tenant.id(), new EmailAddress("legacy", domain.name()), "", "old secret", 0);
            assertThat(storedHash(a)).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");

            assertThat(directory.authenticate(a.address().toString(), "old secret", Protocol.IMAP, null).succeeded()).isTrue();

            String upgraded = storedHash(a);
            assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(directory.authenticate(a.address().toString(), "old secret", Protocol.IMAP, null).succeeded()).isTrue();
            assertThat(storedHash(a)).as("no second upgrade").isEqualTo(upgraded);
        }

        private String storedHash(Account a) throws StoreException {
            return transactions.run(em -> em.find(AccountEntity.class, a.id().value()).passwordHash());
        }
    }
}
