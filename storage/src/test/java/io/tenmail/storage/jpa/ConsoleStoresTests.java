package io.tenmail.storage.jpa;

import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.ApiToken;
import io.tenmail.storage.model.AuditEvent;
import io.tenmail.storage.model.AuditQuery;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.LastLogin;
import io.tenmail.storage.model.NewApiToken;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.PasswordPolicy;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tenmail.storage.StoreAssertions.assertFails;
import static io.tenmail.storage.StoreAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the admin console stores (changelog 0005): domain administrators, tenant password
 * policies, API tokens, the audit log and last logins, on the JPA implementations. One database
 * per concrete class; subclasses say which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleStoresTests {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    Database database;
    JpaDirectoryAdmin admin;
    JpaDirectory directory;
    JpaApiTokens tokens;
    JpaAuditLog audit;

    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void openDatabase(@TempDir Path dataDir) {
        database = new Database(settings(dataDir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        PasswordHasher hasher = PasswordHasher.owaspMinimum();
        admin = new JpaDirectoryAdmin(tx, hasher, Clock.systemUTC(), TestDkimKeys.SHARED);
        directory = new JpaDirectory(tx, hasher, Clock.systemUTC());
        tokens = new JpaApiTokens(tx);
        audit = new JpaAuditLog(tx);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    private static String unique(String prefix) {
        return prefix + COUNTER.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    /** A tenant with one domain and an account {@code alice@} in it. */
    private Account tenantWithAccount() throws Exception {
        Tenant t = admin.createTenant(unique("t"), 0, 0);
        String domain = unique("d") + ".test";
        admin.createDomain(t.id(), domain);
        return admin.createAccount(t.id(), EmailAddress.parse("alice@" + domain), "Alice", "Correct-horse-1", 0);
    }

    @Test
    void anAppointedAccountIsADomainAdministratorUntilDismissed() throws Exception {
        Account a = tenantWithAccount();
        assertThat(admin.isDomainAdmin(a.tenant(), a.id())).isFalse();
        admin.appointDomainAdmin(a.tenant(), a.id());
        admin.appointDomainAdmin(a.tenant(), a.id());   // twice is harmless
        assertThat(admin.isDomainAdmin(a.tenant(), a.id())).isTrue();
        assertThat(admin.domainAdmins(a.tenant())).extracting(Account::address).containsExactly(a.address());
        admin.dismissDomainAdmin(a.tenant(), a.id());
        assertThat(admin.isDomainAdmin(a.tenant(), a.id())).isFalse();
        assertNotFound(() -> admin.dismissDomainAdmin(a.tenant(), a.id()));
    }

    @Test
    void anAccountOfAnotherTenantCannotBeAppointed() throws Exception {
        Account a = tenantWithAccount();
        Account other = tenantWithAccount();
        assertNotFound(() -> admin.appointDomainAdmin(other.tenant(), a.id()));
        assertThat(admin.isDomainAdmin(other.tenant(), a.id())).isFalse();
    }

    @Test
    void deletingAnAccountEndsItsAppointmentTokensAndLogins() throws Exception {
        Account a = tenantWithAccount();
        admin.appointDomainAdmin(a.tenant(), a.id());
        NewApiToken t = tokens.create(ApiTokens.Owner.account(a.tenant(), a.id()), "DOMAIN_ADMIN", "script", Optional.empty());
        admin.recordLogin(a.tenant(), a.id(), "WEB", Optional.of("192.0.2.1"));
        admin.deleteAccount(a.tenant(), a.id());
        assertThat(admin.domainAdmins(a.tenant())).isEmpty();
        assertThat(tokens.authenticate(t.secret())).isEmpty();
    }

    @Test
    void checkPasswordAcceptsOnlyTheAccountPasswordOfAnEnabledAccount() throws Exception {
        Account a = tenantWithAccount();
        assertThat(admin.checkPassword(a.address(), "Correct-horse-1")).map(Account::id).contains(a.id());
        assertThat(admin.checkPassword(a.address(), "wrong")).isEmpty();
        assertThat(admin.checkPassword(EmailAddress.parse("nobody@" + a.address().domain()), "Correct-horse-1")).isEmpty();
        String appSecret = admin.createAppPassword(a.tenant(), a.id(), "phone", java.util.EnumSet.allOf(Protocol.class),
                java.util.List.of(), Optional.empty()).secret();
        assertThat(admin.checkPassword(a.address(), appSecret)).as("app passwords are for mail clients only").isEmpty();
        admin.updateAccount(a.tenant(), a.id(), new io.tenmail.storage.DirectoryAdmin.AccountChange(Optional.empty(),
                Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(admin.checkPassword(a.address(), "Correct-horse-1")).isEmpty();
    }

    @Test
    void aTenantPolicyIsSetReplacedAndRemoved() throws Exception {
        Account a = tenantWithAccount();
        assertThat(admin.passwordPolicy(a.tenant())).isEmpty();
        admin.setPasswordPolicy(a.tenant(), Optional.of(new PasswordPolicy(12, 3)));
        assertThat(admin.passwordPolicy(a.tenant())).contains(new PasswordPolicy(12, 3));
        admin.setPasswordPolicy(a.tenant(), Optional.of(new PasswordPolicy(14, 2)));
        assertThat(admin.passwordPolicy(a.tenant())).contains(new PasswordPolicy(14, 2));
        admin.setPasswordPolicy(a.tenant(), Optional.empty());
        assertThat(admin.passwordPolicy(a.tenant())).isEmpty();
        assertNotFound(() -> admin.passwordPolicy(new TenantId(999_999_999L)));
    }

    @Test
    void aTokenAuthenticatesByItsSecretUntilRevokedAndOnlyItsOwnerSeesIt() throws Exception {
        Account a = tenantWithAccount();
        Account b = tenantWithAccount();
        ApiTokens.Owner owner = ApiTokens.Owner.account(a.tenant(), a.id());
        NewApiToken created = tokens.create(owner, "USER", "backup script", Optional.empty());
        assertThat(created.secret()).startsWith("tmk_").hasSizeGreaterThan(40);
        ApiToken found = tokens.authenticate(created.secret()).orElseThrow();
        assertThat(found.id()).isEqualTo(created.token().id());
        assertThat(found.account()).contains(a.id());
        assertThat(found.role()).isEqualTo("USER");
        assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
        assertThat(tokens.tokens(owner)).extracting(ApiToken::label).containsExactly("backup script");
        assertThat(tokens.tokens(ApiTokens.Owner.account(b.tenant(), b.id()))).isEmpty();
        assertNotFound(() -> tokens.revoke(ApiTokens.Owner.account(b.tenant(), b.id()), created.token().id()));
        assertNotFound(() -> tokens.revoke(ApiTokens.Owner.PLATFORM, created.token().id()));
        assertNotFound(() -> tokens.create(ApiTokens.Owner.account(b.tenant(), a.id()), "USER", "x", Optional.empty()));
        tokens.revoke(owner, created.token().id());
        assertThat(tokens.authenticate(created.secret())).isEmpty();
    }

    @Test
    void platformTokensHaveNoOwnerAccount() throws Exception {
        NewApiToken created = tokens.create(ApiTokens.Owner.PLATFORM, "PLATFORM_ADMIN", unique("ci"), Optional.of(Instant.now().plusSeconds(3600)));
        assertThat(tokens.tokens(ApiTokens.Owner.PLATFORM)).extracting(ApiToken::id).contains(created.token().id());
        assertThat(tokens.authenticate(created.secret()).orElseThrow().account()).isEmpty();
        assertFails(Reason.INVALID, () -> tokens.create(ApiTokens.Owner.PLATFORM, "PLATFORM_ADMIN", "old", Optional.of(Instant.now().minusSeconds(1))));
        tokens.revoke(ApiTokens.Owner.PLATFORM, created.token().id());
    }

    @Test
    void auditEventsAreFilteredAndPagedNewestFirst() throws Exception {
        Account a = tenantWithAccount();
        String actor = unique("admin") + "@example.test";
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 5; i++) {
            audit.record(new AuditEvent(0, start.plusSeconds(i), actor, "DOMAIN_ADMIN", Optional.of(a.tenant()),
                    i % 2 == 0 ? "account.create" : "alias.delete", "x" + i + "@example.test", "192.0.2.7", 201, ""));
        }
        AuditQuery byActor = new AuditQuery(Optional.empty(), Optional.of(actor.toUpperCase()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        Page<AuditEvent> page = audit.search(byActor, 0, 2);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(AuditEvent::target).containsExactly("x4@example.test", "x3@example.test");
        assertThat(audit.search(byActor, 4, 2).items()).extracting(AuditEvent::target).containsExactly("x0@example.test");

        AuditQuery creates = new AuditQuery(Optional.of(a.tenant()), Optional.empty(), Optional.of("account."), Optional.empty(),
                Optional.of(start.plusSeconds(1)), Optional.of(start.plusSeconds(4)));
        assertThat(audit.search(creates, 0, 10).items()).extracting(AuditEvent::target).containsExactly("x2@example.test");
        AuditQuery byTarget = new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("alias.delete"),
                Optional.of("X3@EXAMPLE.TEST"), Optional.empty(), Optional.empty());
        AuditEvent e = audit.search(byTarget, 0, 10).items().get(0);
        assertThat(e.actor()).isEqualTo(actor);
        assertThat(e.client()).isEqualTo("192.0.2.7");
        assertThat(e.at()).isEqualTo(start.plusSeconds(3));
        assertThat(e.tenant()).contains(a.tenant());
        assertFails(Reason.INVALID, () -> audit.search(AuditQuery.all(), 0, 0));
    }

    @Test
    void aSuccessfulLoginIsRecordedPerProtocol() throws Exception {
        Account a = tenantWithAccount();
        assertThat(directory.authenticate(a.address().toString(), "Correct-horse-1", Protocol.IMAP, InetAddress.getByName("192.0.2.9"))
                .succeeded()).isTrue();
        assertThat(directory.authenticate(a.address().toString(), "Correct-horse-1", Protocol.IMAP, InetAddress.getByName("192.0.2.10"))
                .succeeded()).isTrue();
        assertThat(directory.authenticate(a.address().toString(), "wrong", Protocol.POP3, InetAddress.getByName("192.0.2.9"))
                .succeeded()).isFalse();
        admin.recordLogin(a.tenant(), a.id(), "web", Optional.empty());
        assertThat(admin.lastLogins(a.tenant(), a.id()))
                .extracting(LastLogin::protocol, LastLogin::clientAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IMAP", Optional.of("192.0.2.10")),
                        org.assertj.core.groups.Tuple.tuple("WEB", Optional.empty()));
    }

    @Test
    void aTenantWithoutMailUsesNoStorage() throws Exception {
        Account a = tenantWithAccount();
        assertThat(admin.storageUsed(a.tenant())).isZero();
        assertNotFound(() -> admin.storageUsed(new TenantId(999_999_999L)));
    }
}
