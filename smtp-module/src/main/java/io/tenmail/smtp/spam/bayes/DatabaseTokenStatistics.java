package io.tenmail.smtp.spam.bayes;

import io.tenmail.storage.BayesTokens;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BayesCounts;
import io.tenmail.storage.model.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default {@link TokenStatistics}: the tenants' training in the database ({@link BayesTokens},
 * shared by every node), which {@link JunkTraining} fills from users' moves into and out of Junk.
 * A database that cannot be read counts as no training (the classifier stays silent, like a check
 * whose DNS query failed), with a warning. {@link #train} names the message by a digest of its
 * features, so the same message trained twice counts once; {@link #untrain} is not offered, since
 * the store itself moves a message between classes when it is trained as the other one.
 * Thread-safe.
 */
public final class DatabaseTokenStatistics implements TokenStatistics {
    private static final Logger log = LoggerFactory.getLogger(DatabaseTokenStatistics.class);

    private final BayesTokens tokens;

    public DatabaseTokenStatistics(BayesTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public TokenCounts messages(long tenant) {
        try {
            BayesCounts c = tokens.messages(new TenantId(tenant));
            return new TokenCounts(c.spam(), c.ham());
        } catch (StoreException e) {
            log.warn("bayes: training of tenant {} not readable, not judging: {}", tenant, e.getMessage());
            return TokenCounts.NONE;
        }
    }

    @Override
    public Map<String, TokenCounts> counts(long tenant, Set<String> wanted) {
        try {
            Map<String, TokenCounts> out = new HashMap<>();
            tokens.counts(new TenantId(tenant), wanted).forEach((k, c) -> out.put(k, new TokenCounts(c.spam(), c.ham())));
            return out;
        } catch (StoreException e) {
            log.warn("bayes: feature counts of tenant {} not readable: {}", tenant, e.getMessage());
            return Map.of();
        }
    }

    @Override
    public void train(long tenant, Set<String> features, boolean spam) {
        try {
            tokens.learn(new TenantId(tenant), "features:" + digest(features), features, spam);
        } catch (StoreException e) {
            throw new IllegalStateException("bayes: training of tenant " + tenant + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void untrain(long tenant, Set<String> features, boolean spam) {
        throw new UnsupportedOperationException("the database moves a message between classes itself: train it as the other class");
    }

    static String digest(Set<String> features) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            List<String> sorted = new java.util.ArrayList<>(new HashSet<>(features));
            java.util.Collections.sort(sorted);
            for (String f : sorted) {
                sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
