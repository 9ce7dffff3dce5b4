package io.tenmail.storage.jpa;

import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.dkim.DkimKeyPairs;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.model.DkimKey;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tenmail.storage.StoreAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

/** DKIM keys (changelog 0009) on the JPA implementation. One database per concrete class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DkimKeysTests {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    Database database;
    Transactions tx;
    TestClock clock;
    JpaDirectoryAdmin admin;
    JpaDkimKeys keys;

    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void openDatabase(@TempDir Path dataDir) {
        database = new Database(settings(dataDir));
        tx = new Transactions(database.entityManagerFactory());
        clock = TestClock.atSomeMoment();
        admin = new JpaDirectoryAdmin(tx, PasswordHasher.owaspMinimum(), clock);
        keys = new JpaDkimKeys(tx, clock);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    private Domain newDomain() throws Exception {
        Tenant t = admin.createTenant("t" + COUNTER.incrementAndGet() + "x" + System.nanoTime() % 100_000, 0, 0);
        return admin.createDomain(t.id(), "d" + COUNTER.incrementAndGet() + "x" + System.nanoTime() % 100_000 + ".test");
    }

    @Test
    void aNewDomainHasAnActiveRsa2048KeyFromTheStart() throws Exception {
        Domain d = newDomain();
        List<DkimKey> published = keys.published(d.tenant(), d.id());
        assertThat(published).hasSize(1);
        DkimKey key = published.get(0);
        assertThat(key.state()).isEqualTo(DkimKey.State.ACTIVE);
        assertThat(key.domainName()).isEqualTo(d.name());
        assertThat(key.selector()).matches("tm\\d{8}");
        assertThat(DkimKeyPairs.privateKey(key.privateKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(DkimKeyPairs.publicKey(key.publicKey()).getModulus()).isEqualTo(DkimKeyPairs.privateKey(key.privateKey()).getModulus());
        assertThat(key.dnsName()).isEqualTo(key.selector() + "._domainkey." + d.name());
        assertThat(key.dnsRecord()).startsWith("v=DKIM1; k=rsa; p=MII");
        assertThat(keys.signingKey(d.name().toUpperCase())).contains(key);
    }

    @Test
    void rotationActivatesANewSelectorAndKeepsTheOldOnePublishedForTheGracePeriod() throws Exception {
        Domain d = newDomain();
        DkimKey first = keys.signingKey(d.name()).orElseThrow();
        DkimKey second = keys.rotate(d.tenant(), d.id());
        assertThat(second.selector()).isNotEqualTo(first.selector());
        assertThat(keys.signingKey(d.name())).contains(second);
        List<DkimKey> published = keys.published(d.tenant(), d.id());
        assertThat(published).extracting(DkimKey::selector).containsExactly(second.selector(), first.selector());
        assertThat(published.get(1).state()).isEqualTo(DkimKey.State.RETIRED);
        assertThat(published.get(1).retired()).isPresent();

        clock.advance(DkimKeys.GRACE.plus(Duration.ofMinutes(1)));
        assertThat(keys.published(d.tenant(), d.id())).extracting(DkimKey::selector).containsExactly(second.selector());
        DkimKey third = keys.rotate(d.tenant(), d.id());
        assertThat(keys.published(d.tenant(), d.id())).extracting(DkimKey::selector).containsExactly(third.selector(), second.selector());
    }

    @Test
    void anotherTenantsDomainIsNotFound() throws Exception {
        Domain mine = newDomain();
        Domain theirs = newDomain();
        assertNotFound(() -> keys.published(mine.tenant(), theirs.id()));
        assertNotFound(() -> keys.rotate(mine.tenant(), theirs.id()));
    }

    @Test
    void aDomainWithoutKeysGetsOneOnFirstUseAndAnUnknownDomainNone() throws Exception {
        Domain d = newDomain();
        tx.run(em -> em.createQuery("DELETE FROM DkimKeyEntity k WHERE k.domainId = :d").setParameter("d", d.id().value()).executeUpdate());
        DkimKey made = keys.signingKey(d.name()).orElseThrow();
        assertThat(keys.signingKey(d.name())).contains(made);
        assertThat(keys.signingKey("unknown-" + d.name())).isEmpty();
        assertThat(keys.signingKey("not a name")).isEmpty();
    }

    @Test
    void importedKeysArriveOnceWithTheNamedOneActive() throws Exception {
        Domain d = newDomain();
        tx.run(em -> em.createQuery("DELETE FROM DkimKeyEntity k WHERE k.domainId = :d").setParameter("d", d.id().value()).executeUpdate());
        KeyPair old = DkimKeyPairs.generate();
        KeyPair current = DkimKeyPairs.generate();
        assertThat(keys.importKeys(d.name(), "tm20260101", Map.of("tm20250601", old.getPrivate().getEncoded(),
                "tm20260101", current.getPrivate().getEncoded()))).isTrue();
        DkimKey active = keys.signingKey(d.name()).orElseThrow();
        assertThat(active.selector()).isEqualTo("tm20260101");
        assertThat(active.publicKey()).isEqualTo(current.getPublic().getEncoded());
        assertThat(keys.published(d.tenant(), d.id())).extracting(DkimKey::state).containsExactly(DkimKey.State.ACTIVE, DkimKey.State.RETIRED);
        assertThat(keys.importKeys(d.name(), "x", Map.of("x", old.getPrivate().getEncoded()))).isFalse();
    }

    @Test
    void deletingADomainDeletesItsKeys() throws Exception {
        Domain d = newDomain();
        keys.rotate(d.tenant(), d.id());
        admin.deleteDomain(d.tenant(), d.id());
        long left = tx.run(em -> em.createQuery("SELECT COUNT(k) FROM DkimKeyEntity k WHERE k.domainId = :d", Long.class)
                .setParameter("d", d.id().value()).getSingleResult());
        assertThat(left).isZero();
    }
}
