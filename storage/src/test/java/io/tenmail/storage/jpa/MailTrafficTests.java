package io.tenmail.storage.jpa;

import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.MailTraffic.Counts;
import io.tenmail.storage.MailTraffic.Increment;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.traffic.TrafficCounter;
import io.tenmail.storage.traffic.TrafficEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages in/out per tenant and day (changelog 0009) and the counter that adds to them. One database per concrete class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailTrafficTests {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    Database database;
    TestClock clock;
    JpaDirectoryAdmin admin;
    JpaMailTraffic traffic;

    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void openDatabase(@TempDir Path dataDir) {
        database = new Database(settings(dataDir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        clock = TestClock.atSomeMoment();
        admin = new JpaDirectoryAdmin(tx, PasswordHasher.owaspMinimum(), clock, TestDkimKeys.SHARED);
        traffic = new JpaMailTraffic(tx);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    private Tenant newTenant() throws Exception {
        return admin.createTenant("t" + COUNTER.incrementAndGet() + "x" + System.nanoTime() % 100_000, 0, 0);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void incrementsAddUpPerTenantAndDay() throws Exception {
        Tenant a = newTenant();
        Tenant b = newTenant();
        LocalDate day = LocalDate.of(2031, 1, 2);
        traffic.add(day, List.of(new Increment(Optional.of(a.id()), new Counts(2, 1)), new Increment(Optional.of(b.id()), new Counts(5, 0))));
        traffic.add(day, List.of(new Increment(Optional.of(a.id()), new Counts(3, 4)), new Increment(Optional.empty(), new Counts(0, 7))));
        traffic.add(day.plusDays(1), List.of(new Increment(Optional.of(a.id()), new Counts(100, 100))));
        assertThat(traffic.of(a.id(), day)).isEqualTo(new Counts(5, 5));
        assertThat(traffic.of(b.id(), day)).isEqualTo(new Counts(5, 0));
        assertThat(traffic.total(day)).isEqualTo(new Counts(10, 12));
        assertThat(traffic.of(newTenant().id(), day)).isEqualTo(Counts.NONE);
    }

    @Test
    void theCounterAddsInboundByTenantAndOutboundBySenderDomainsTenant() throws Exception {
        Tenant t = newTenant();
        String domain = "d" + COUNTER.incrementAndGet() + "x" + System.nanoTime() % 100_000 + ".test";
        admin.createDomain(t.id(), domain);
        TrafficCounter counter = new TrafficCounter(traffic, admin, clock);
        counter.counted(TrafficEvent.delivered(t.id()));
        counter.counted(TrafficEvent.delivered(t.id()));
        counter.counted(TrafficEvent.sent("alice@" + domain.toUpperCase()));
        counter.counted(TrafficEvent.sent(null));
        counter.flush();
        counter.flush();   // nothing new: adds nothing
        assertThat(traffic.of(t.id(), today())).isEqualTo(new Counts(2, 1));
        counter.counted(TrafficEvent.delivered(t.id()));
        counter.flush();
        assertThat(traffic.of(t.id(), today())).isEqualTo(new Counts(3, 1));
    }

    @Test
    void retentionDeletesTheDaysBeforeTheCutOffAndKeepsTheRest() throws Exception {
        Tenant tenant = newTenant();
        Optional<io.tenmail.storage.model.TenantId> id = Optional.of(tenant.id());
        LocalDate today = today();
        for (int daysAgo : new int[] {400, 399, 1, 0}) {
            traffic.add(today.minusDays(daysAgo), List.of(new Increment(id, new Counts(daysAgo + 1, 0))));
        }

        assertThat(traffic.forgetBefore(today.minusDays(399))).isGreaterThanOrEqualTo(1);

        assertThat(traffic.of(tenant.id(), today.minusDays(400))).isEqualTo(Counts.NONE);
        assertThat(traffic.of(tenant.id(), today.minusDays(399))).isEqualTo(new Counts(400, 0));
        assertThat(traffic.of(tenant.id(), today)).isEqualTo(new Counts(1, 0));
    }
}
