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
import io.tenmail.storage.model.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
