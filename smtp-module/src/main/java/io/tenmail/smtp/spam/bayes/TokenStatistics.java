package io.tenmail.smtp.spam.bayes;

import java.util.Map;
import java.util.Set;

/**
 * Per-tenant training data of the classifier: how many spam and ham messages were trained, and per
 * feature in how many of each it appeared. Tenants never see each other's counts. Implementations
 * are thread-safe; training is a unit (a message's counts change together or not at all).
 */
public interface TokenStatistics {

    /** Messages trained so far for the tenant. */
    TokenCounts messages(long tenant);

    /** The counts of each of {@code tokens} known for the tenant; unknown ones are absent. */
    Map<String, TokenCounts> counts(long tenant, Set<String> tokens);

    /** Counts one message with these features as spam or ham. */
    void train(long tenant, Set<String> tokens, boolean spam);

    /**
     * Takes back an earlier {@link #train} of the same features (a user who moves a message out of
     * Junk after it was trained as spam); counts never go below zero.
     */
    void untrain(long tenant, Set<String> tokens, boolean spam);
}
