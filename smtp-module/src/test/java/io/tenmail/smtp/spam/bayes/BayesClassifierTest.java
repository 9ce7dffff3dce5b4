package io.tenmail.smtp.spam.bayes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BayesClassifierTest {
    private static final long TENANT = 1;
    private static final long OTHER_TENANT = 2;
    private static final String[] SPAM_WORDS = {"viagra", "winner", "lottery", "cheap", "bitcoin", "urgent", "prize", "casino", "offer", "click"};
    private static final String[] HAM_WORDS = {"meeting", "agenda", "report", "invoice", "project", "review", "schedule", "team", "budget", "minutes"};
    private static final String[] COMMON = {"the", "hello", "regards", "please", "thanks", "today"};

    private final InMemoryTokenStatistics statistics = new InMemoryTokenStatistics();
    private final BayesClassifier classifier = new BayesClassifier(statistics, 20);
    private final Random random = new Random(7);

    private Set<String> message(String[] words) {
        return IntStream.range(0, 8).mapToObj(i -> i % 3 == 0 ? COMMON[random.nextInt(COMMON.length)] : words[random.nextInt(words.length)])
                .collect(Collectors.toSet());
    }

    @BeforeEach
    void train() {
        for (int i = 0; i < 40; i++) {
            statistics.train(TENANT, message(SPAM_WORDS), true);
            statistics.train(TENANT, message(HAM_WORDS), false);
        }
    }

    @Test
    void spamLikeMessagesScoreNearOneAndHamLikeNearZero() {
        assertThat(classifier.indicator(TENANT, Set.of("winner", "lottery", "prize", "click", "hello"))).get(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isGreaterThan(0.95);
        assertThat(classifier.indicator(TENANT, Set.of("meeting", "agenda", "budget", "thanks"))).get(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isLessThan(0.05);
    }

    @Test
    void unknownAndCommonWordsAreUnsure() {
        assertThat(classifier.indicator(TENANT, Set.of("zebra", "quantum"))).get(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isCloseTo(0.5, within(0.01));
    }

    @Test
    void thereIsNoVerdictBeforeEnoughTraining() {
        assertThat(new BayesClassifier(statistics, 41).indicator(TENANT, Set.of("winner"))).isEmpty();
    }

    @Test
    void tenantsDoNotShareTraining() {
        assertThat(classifier.indicator(OTHER_TENANT, Set.of("winner", "lottery"))).isEmpty();
        assertThat(statistics.counts(OTHER_TENANT, Set.of("winner"))).isEmpty();
    }

    @Test
    void untrainingTakesTrainingBack() {
        Set<String> mistaken = Set.of("meeting", "prize");
        statistics.train(TENANT, mistaken, true);
        statistics.untrain(TENANT, mistaken, true);
        assertThat(statistics.messages(TENANT)).isEqualTo(new TokenCounts(40, 40));
        assertThat(statistics.counts(TENANT, Set.of("xyz-never"))).isEmpty();
    }

    @Test
    void chiSquareMatchesKnownValues() {
        // chi2Q(x, 2) = e^(-x/2)
        assertThat(BayesClassifier.chi2Q(2.0, 2)).isCloseTo(Math.exp(-1), within(1e-12));
        assertThat(BayesClassifier.chi2Q(0.0, 10)).isEqualTo(1.0);
    }

    @Test
    void aRareFeatureStaysNearNeutral() {
        double once = BayesClassifier.probability(new TokenCounts(1, 0), new TokenCounts(100, 100));
        double often = BayesClassifier.probability(new TokenCounts(50, 0), new TokenCounts(100, 100));
        assertThat(once).isLessThan(often).isGreaterThan(0.5);
        assertThat(often).isGreaterThan(0.99);
    }
}
