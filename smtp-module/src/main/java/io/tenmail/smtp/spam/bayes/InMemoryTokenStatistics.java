package io.tenmail.smtp.spam.bayes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStatistics} in memory: for tests and for a server that need not remember training. */
public final class InMemoryTokenStatistics implements TokenStatistics {
    private final Map<Long, TenantTokenCounts> tenants = new ConcurrentHashMap<>();

    private TenantTokenCounts tenant(long id) {
        return tenants.computeIfAbsent(id, k -> new TenantTokenCounts());
    }

    @Override
    public TokenCounts messages(long tenant) {
        TenantTokenCounts t = tenant(tenant);
        synchronized (t) {
            return t.messages();
        }
    }

    @Override
    public Map<String, TokenCounts> counts(long tenant, Set<String> tokens) {
        TenantTokenCounts t = tenant(tenant);
        synchronized (t) {
            return t.counts(tokens);
        }
    }

    @Override
    public void train(long tenant, Set<String> tokens, boolean spam) {
        TenantTokenCounts t = tenant(tenant);
        synchronized (t) {
            t.change(tokens, spam, 1);
        }
    }

    @Override
    public void untrain(long tenant, Set<String> tokens, boolean spam) {
        TenantTokenCounts t = tenant(tenant);
        synchronized (t) {
            t.change(tokens, spam, -1);
        }
    }
}
