package io.tenmail.storage.jpa;

import io.tenmail.storage.BayesTokens;
import io.tenmail.storage.BayesTokens.Learned;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.model.BayesCounts;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link BayesTokens} contract, run against each database by a subclass; each test has tenants of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BayesTokensContract {
    private Database database;
    private JpaDirectoryAdmin admin;
    BayesTokens tokens;

    abstract StorageSettings settings(Path dataDir);

    @BeforeAll
    void open(@TempDir Path dataDir) {
        database = new Database(settings(dataDir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        admin = new JpaDirectoryAdmin(tx, new PasswordHasher(new PasswordHasher.Parameters(8, 1, 1)), Clock.systemUTC(), TestDkimKeys.SHARED);
        tokens = new JpaBayesTokens(tx, Clock.systemUTC());
    }

    @AfterAll
    void close() {
        if (database != null) database.close();
    }

    TenantId tenant() throws Exception {
        return admin.createTenant("t-" + UUID.randomUUID(), 0, 0).id();
    }

    @Test
    void aNewTenantHasNoTraining() throws Exception {
        TenantId t = tenant();
        assertThat(tokens.messages(t)).isEqualTo(BayesCounts.NONE);
        assertThat(tokens.counts(t, Set.of("viagra"))).isEmpty();
    }

    @Test
    void trainingCountsTheMessageAndEachOfItsFeatures() throws Exception {
        TenantId t = tenant();
        assertThat(tokens.learn(t, "m1", Set.of("viagra", "cheap"), true)).isEqualTo(Learned.TRAINED);
        assertThat(tokens.learn(t, "m2", Set.of("viagra", "meeting"), true)).isEqualTo(Learned.TRAINED);
        assertThat(tokens.learn(t, "m3", Set.of("meeting", "agenda"), false)).isEqualTo(Learned.TRAINED);
        assertThat(tokens.messages(t)).isEqualTo(new BayesCounts(2, 1));
        assertThat(tokens.counts(t, Set.of("viagra", "meeting", "agenda", "unknown"))).containsOnly(
                java.util.Map.entry("viagra", new BayesCounts(2, 0)),
                java.util.Map.entry("meeting", new BayesCounts(1, 1)),
                java.util.Map.entry("agenda", new BayesCounts(0, 1)));
    }

    @Test
    void aTrainingIsSeenByTheNextQuestionEvenWhenTheTotalsWereJustAskedFor() throws Exception {
        TenantId t = tenant();
        assertThat(tokens.messages(t)).isEqualTo(BayesCounts.NONE);   // remembered by the cache
        tokens.learn(t, "m1", Set.of("viagra"), true);
        assertThat(tokens.messages(t)).isEqualTo(new BayesCounts(1, 0));
        tokens.learn(t, "m2", Set.of("agenda"), false);
        assertThat(tokens.messages(t)).isEqualTo(new BayesCounts(1, 1));
    }

    @Test
    void theSameMessageIsNeverCountedTwiceForOneClass() throws Exception {
        TenantId t = tenant();
        tokens.learn(t, "m1", Set.of("viagra"), true);
        assertThat(tokens.learn(t, "m1", Set.of("viagra"), true)).isEqualTo(Learned.ALREADY_TRAINED);
        assertThat(tokens.messages(t)).isEqualTo(new BayesCounts(1, 0));
        assertThat(tokens.counts(t, Set.of("viagra"))).containsEntry("viagra", new BayesCounts(1, 0));
    }

    @Test
    void aChangeOfMindMovesTheMessageToTheOtherClass() throws Exception {
        TenantId t = tenant();
        tokens.learn(t, "m1", Set.of("invoice", "march"), true);
        tokens.learn(t, "m2", Set.of("invoice"), true);
        assertThat(tokens.learn(t, "m1", Set.of("invoice", "march"), false)).isEqualTo(Learned.RETRAINED);
        assertThat(tokens.messages(t)).isEqualTo(new BayesCounts(1, 1));
        assertThat(tokens.counts(t, Set.of("invoice", "march"))).containsEntry("invoice", new BayesCounts(1, 1))
                .containsEntry("march", new BayesCounts(0, 1));
    }

    @Test
    void tenantsNeverSeeEachOthersCounts() throws Exception {
        TenantId a = tenant();
        TenantId b = tenant();
        tokens.learn(a, "m1", Set.of("viagra"), true);
        assertThat(tokens.learn(b, "m1", Set.of("viagra"), false)).as("the same key in another tenant is another message").isEqualTo(Learned.TRAINED);
        assertThat(tokens.counts(a, Set.of("viagra"))).containsEntry("viagra", new BayesCounts(1, 0));
        assertThat(tokens.counts(b, Set.of("viagra"))).containsEntry("viagra", new BayesCounts(0, 1));
    }

    @Test
    void aMessageWithThousandsOfFeaturesIsTrainedInOneGo() throws Exception {
        TenantId t = tenant();
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 2000; i++) many.add("w" + i);
        many.add("x".repeat(BayesTokens.MAX_TOKEN_LENGTH + 1));   // too long to keep: left out, not an error
        tokens.learn(t, "big", many, true);
        many.remove("w0");
        tokens.learn(t, "big2", Set.of("w0", "w1999"), true);
        var counts = tokens.counts(t, many);
        assertThat(counts).hasSize(2000 - 1).containsEntry("w1999", new BayesCounts(2, 0)).containsEntry("w5", new BayesCounts(1, 0));
    }

    @Test
    void retentionForgetsFeaturesOfASingleMessageTrainedBeforeTheCutOffAndKeepsTheRest() throws Exception {
        TenantId t = tenant();
        tokens.learn(t, "m1", Set.of("once-" + t.value(), "twice-" + t.value()), true);
        tokens.learn(t, "m2", Set.of("twice-" + t.value()), false);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        tokens.forgetRare(today);   // trained today: not before the cut-off
        assertThat(tokens.counts(t, Set.of("once-" + t.value()))).hasSize(1);

        assertThat(tokens.forgetRare(today.plusDays(1))).isGreaterThanOrEqualTo(1);
        assertThat(tokens.counts(t, Set.of("once-" + t.value(), "twice-" + t.value())))
                .containsOnly(java.util.Map.entry("twice-" + t.value(), new BayesCounts(1, 1)));
        assertThat(tokens.messages(t)).as("the message totals stay").isEqualTo(new BayesCounts(1, 1));
    }

    @Test
    void trainingAnOldFeatureAgainMarksItTrainedToday() throws Exception {
        TenantId t = tenant();
        tokens.learn(t, "m1", Set.of("again-" + t.value()), true);
        // the change of mind takes the spam count back and adds a ham one: still one message
        tokens.learn(t, "m1", Set.of("again-" + t.value()), false);
        assertThat(tokens.counts(t, Set.of("again-" + t.value()))).containsOnly(java.util.Map.entry("again-" + t.value(), new BayesCounts(0, 1)));
        tokens.forgetRare(LocalDate.now(ZoneOffset.UTC));
        assertThat(tokens.counts(t, Set.of("again-" + t.value()))).hasSize(1);
    }
}
