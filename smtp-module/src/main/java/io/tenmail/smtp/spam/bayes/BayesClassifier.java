package io.tenmail.smtp.spam.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a message's features against a tenant's training (Gary Robinson, "A Statistical Approach
 * to the Spam Problem", 2003; SpamBayes' chi-square combining):
 * <ol>
 *   <li>per feature, p = (spam ratio) / (spam ratio + ham ratio), then Robinson's
 *       f = (s·x + n·p) / (s + n) with strength s = 0.45 and prior x = 0.5, so rare features
 *       stay near neutral;</li>
 *   <li>the at most {@value #MAX_DISCRIMINATORS} features with |f − 0.5| ≥ {@value #MIN_DISTANCE};</li>
 *   <li>S = 1 − χ²Q(−2 Σ ln(1 − f), 2n), H = 1 − χ²Q(−2 Σ ln f, 2n), and the indicator
 *       I = (1 + S − H) / 2, near 1 for spam, near 0 for ham, near 0.5 for "unsure".</li>
 * </ol>
 * No verdict until the tenant has trained at least {@code minimumPerClass} messages of each kind.
 * Stateless and thread-safe.
 */
public final class BayesClassifier {
    static final int MAX_DISCRIMINATORS = 150;
    static final double MIN_DISTANCE = 0.1;
    private static final double STRENGTH = 0.45;
    private static final double PRIOR = 0.5;

    private final TokenStatistics statistics;
    private final long minimumPerClass;

    public BayesClassifier(TokenStatistics statistics, long minimumPerClass) {
        this.statistics = statistics;
        this.minimumPerClass = minimumPerClass;
    }

    /** The spam indicator in [0, 1], or empty while the tenant has too little training. */
    public Optional<Double> indicator(long tenant, Set<String> tokens) {
        return training(tenant).map(messages -> indicator(tenant, messages, tokens));
    }

    /**
     * The tenant's trained message counts, or empty while they are too few to judge: asked first,
     * a caller need not even read the message of a tenant that has not trained its filter.
     */
    public Optional<TokenCounts> training(long tenant) {
        TokenCounts messages = statistics.messages(tenant);
        if (messages.spam() < minimumPerClass || messages.ham() < minimumPerClass) return Optional.empty();
        return Optional.of(messages);
    }

    /** The spam indicator in [0, 1] against {@code messages}, the counts {@link #training} gave. */
    public double indicator(long tenant, TokenCounts messages, Set<String> tokens) {
        Map<String, TokenCounts> counts = statistics.counts(tenant, tokens);
        List<Double> fs = new ArrayList<>();
        for (String token : tokens) {
            TokenCounts c = counts.getOrDefault(token, TokenCounts.NONE);
            double f = probability(c, messages);
            if (Math.abs(f - 0.5) >= MIN_DISTANCE) fs.add(f);
        }
        fs.sort(Comparator.comparingDouble((Double f) -> Math.abs(f - 0.5)).reversed());
        List<Double> used = fs.subList(0, Math.min(MAX_DISCRIMINATORS, fs.size()));
        if (used.isEmpty()) return 0.5;
        double lnSpam = 0;
        double lnHam = 0;
        for (double f : used) {
            lnSpam += Math.log(1.0 - f);
            lnHam += Math.log(f);
        }
        int n = used.size();
        double s = 1.0 - chi2Q(-2.0 * lnSpam, 2 * n);
        double h = 1.0 - chi2Q(-2.0 * lnHam, 2 * n);
        return (1.0 + s - h) / 2.0;
    }

    static double probability(TokenCounts c, TokenCounts messages) {
        long n = c.spam() + c.ham();
        if (n == 0) return PRIOR;
        double spamRatio = (double) c.spam() / Math.max(1, messages.spam());
        double hamRatio = (double) c.ham() / Math.max(1, messages.ham());
        double p = spamRatio / (spamRatio + hamRatio);
        double f = (STRENGTH * PRIOR + n * p) / (STRENGTH + n);
        // keep logarithms finite
        return Math.min(0.9999, Math.max(0.0001, f));
    }

    /** The chi-square survival function for even degrees of freedom (SpamBayes' chi2Q). */
    static double chi2Q(double x2, int v) {
        double m = x2 / 2.0;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < v / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }
}
