package io.tenmail.storage.jpa;

/**
 * The kinds of data that {@link ReadCache}s hold answers from. A committed change to an entity of
 * a kind advances that kind's {@link Generation}, so this node's cached answers of that kind are
 * not served again; the kinds are separate so that training the spam filter does not throw away
 * the routing answers.
 */
enum CachedData {
    /** Tenants, domains and their names, addresses, accounts, aliases, groups, spam policies and lists. */
    DIRECTORY,
    /** The per-tenant totals of the Bayes spam filter. */
    BAYES;

    /** The kind an entity belongs to, if a cache holds answers read from it. */
    static CachedData of(Object entity) {
        return entity instanceof BayesTotalEntity ? BAYES : DIRECTORY;
    }
}
