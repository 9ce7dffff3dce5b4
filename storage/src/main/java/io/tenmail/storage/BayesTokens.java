package io.tenmail.storage;

import io.tenmail.storage.model.BayesCounts;
import io.tenmail.storage.model.TenantId;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The Bayesian spam classifier's training, per tenant: messages trained as spam and as ham, and per
 * feature (a word, a link's host, ...) in how many of each it appeared. Tenants never see each
 * other's counts. A message is named by a key the caller chooses (the blob of its content), and is
 * counted at most once: {@link #learn} for the class it already has changes nothing, for the other
 * class moves it (takes back the old counts, adds the new) — a user who changes their mind.
 *
 * <p>Each {@link #learn} is one transaction. Thread-safe. Reasons thrown: TEMPORARY.
 */
public interface BayesTokens {

    /** Features longer than this are not kept (their column's size). */
    int MAX_TOKEN_LENGTH = 200;

    /** What {@link #learn} did. */
    enum Learned {
        /** The message was new: its features counted for the class. */
        TRAINED,
        /** The message had been trained as the other class: moved to this one. */
        RETRAINED,
        /** The message had been trained as this class already: nothing changed. */
        ALREADY_TRAINED
    }

    /** Messages trained so far for the tenant. */
    BayesCounts messages(TenantId tenant) throws StoreException;

    /** The counts of each of {@code tokens} known for the tenant; unknown ones are absent. */
    Map<String, BayesCounts> counts(TenantId tenant, Set<String> tokens) throws StoreException;

    /**
     * Trains the message named {@code messageKey} (at most 200 characters), with these features, as
     * spam or ham.
     */
    Learned learn(TenantId tenant, String messageKey, Set<String> tokens, boolean spam) throws StoreException;

    /**
     * Retention: deletes, for every tenant, the features counted for at most one message whose last
     * training was before {@code trainedBefore} (a UTC day); returns how many. A feature seen once
     * long ago tells the classifier little, and such features are most of a vocabulary. The
     * message totals stay as they are.
     */
    long forgetRare(LocalDate trainedBefore) throws StoreException;
}
