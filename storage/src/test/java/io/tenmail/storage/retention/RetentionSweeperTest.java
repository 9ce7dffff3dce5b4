package io.tenmail.storage.retention;

import io.tenmail.storage.BayesTokens;
import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BayesCounts;
import io.tenmail.storage.model.SpamLists;
import io.tenmail.storage.model.SpamPolicy;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the retention sweep asks the stores to delete (the deletes themselves: SpamPoliciesContract, MailTrafficTests). */
class RetentionSweeperTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Stores stores = new Stores();

    @Test
    void tripletsCountsAndRareFeaturesOlderThanTheirRetentionAreDeleted() throws Exception {
        RetentionSweeper sweeper = new RetentionSweeper(stores, stores, stores, RetentionSweeper.Retention.DEFAULTS, clock);

        RetentionSweeper.Result result = sweeper.sweep();

        assertThat(stores.greylistCutOffs).containsExactly(NOW.minus(Duration.ofDays(36)));
        // 400 days kept, today included: 2026-11-22 back to 2025-10-19
        assertThat(stores.trafficCutOffs).containsExactly(LocalDate.of(2025, 10, 19));
        assertThat(stores.bayesCutOffs).containsExactly(LocalDate.of(2026, 5, 26));   // 180 days before today
        assertThat(result).isEqualTo(new RetentionSweeper.Result(3, 5, 7));
    }

    @Test
    void aZeroRetentionKeepsThatTableForever() throws Exception {
        new RetentionSweeper(stores, stores, stores, new RetentionSweeper.Retention(Duration.ZERO, Duration.ofDays(1), Duration.ZERO), clock).sweep();

        assertThat(stores.greylistCutOffs).isEmpty();
        assertThat(stores.bayesCutOffs).isEmpty();
        assertThat(stores.trafficCutOffs).containsExactly(LocalDate.of(2026, 11, 22));
    }

    @Test
    void aFailingTableDoesNotKeepTheOtherFromBeingSwept() {
        stores.greylistFails = true;
        RetentionSweeper sweeper = new RetentionSweeper(stores, stores, stores, RetentionSweeper.Retention.DEFAULTS, clock);

        assertThatThrownBy(sweeper::sweep).isInstanceOf(StoreException.class);
        assertThat(stores.trafficCutOffs).hasSize(1);
        assertThat(stores.bayesCutOffs).hasSize(1);
    }

    @Test
    void countsAreKeptForWholeDaysOnly() {
        assertThatThrownBy(() -> new RetentionSweeper.Retention(Duration.ofDays(36), Duration.ofHours(12), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionSweeper.Retention(Duration.ofDays(-1), Duration.ofDays(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Both stores, recording the cut-offs they were given. */
    private static final class Stores implements SpamPolicies, MailTraffic, BayesTokens {
        final List<Instant> greylistCutOffs = new ArrayList<>();
        final List<LocalDate> trafficCutOffs = new ArrayList<>();
        final List<LocalDate> bayesCutOffs = new ArrayList<>();
        boolean greylistFails;

        @Override
        public long forgetGreylistBefore(Instant lastSeenBefore) throws StoreException {
            if (greylistFails) throw new StoreException(StoreException.Reason.TEMPORARY, "database down");
            greylistCutOffs.add(lastSeenBefore);
            return 3;
        }

        @Override
        public long forgetBefore(LocalDate day) {
            trafficCutOffs.add(day);
            return 5;
        }

        @Override
        public long forgetRare(LocalDate trainedBefore) {
            bayesCutOffs.add(trainedBefore);
            return 7;
        }

        @Override
        public BayesCounts messages(TenantId tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, BayesCounts> counts(TenantId tenant, Set<String> tokens) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Learned learn(TenantId tenant, String messageKey, Set<String> tokens, boolean spam) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SpamPolicy policyFor(String domainName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SpamLists listsFor(String recipientAddress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant greylistSighting(String tripletKey, Instant now, Duration memory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(LocalDate day, List<Increment> increments) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Counts of(TenantId tenant, LocalDate day) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Counts total(LocalDate day) {
            throw new UnsupportedOperationException();
        }
    }
}
