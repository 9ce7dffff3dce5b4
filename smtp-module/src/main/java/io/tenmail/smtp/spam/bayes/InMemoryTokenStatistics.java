package io.tenmail.smtp.spam.bayes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStatistics} in memory: for tests and for a server that need not remember training. */
public final class InMemoryTokenStatistics implements TokenStatistics {
    private final Map<Long, Tenant> tenants = new ConcurrentHashMap<>();

    private static final class Tenant {
        long spam;
        long ham;
        final Map<String, long[]> tokens = new HashMap<>();
    }

    private Tenant tenant(long id) {
        return tenants.computeIfAbsent(id, k -> new Tenant());
    }

    @Override
    public TokenCounts messages(long tenant) {
        Tenant t = tenant(tenant);
        synchronized (t) {
            return new TokenCounts(t.spam, t.ham);
        }
    }

    @Override
    public Map<String, TokenCounts> counts(long tenant, Set<String> tokens) {
        Tenant t = tenant(tenant);
        Map<String, TokenCounts> out = new HashMap<>();
        synchronized (t) {
            for (String token : tokens) {
                long[] c = t.tokens.get(token);
                if (c != null) out.put(token, new TokenCounts(c[0], c[1]));
            }
        }
        return out;
    }

    @Override
    public void train(long tenant, Set<String> tokens, boolean spam) {
        change(tenant, tokens, spam, 1);
    }

    @Override
    public void untrain(long tenant, Set<String> tokens, boolean spam) {
        change(tenant, tokens, spam, -1);
    }

    private void change(long tenant, Set<String> tokens, boolean spam, int delta) {
        Tenant t = tenant(tenant);
        int i = spam ? 0 : 1;
        synchronized (t) {
            if (spam) t.spam = Math.max(0, t.spam + delta);
            else t.ham = Math.max(0, t.ham + delta);
            for (String token : tokens) {
                long[] c = t.tokens.computeIfAbsent(token, k -> new long[2]);
                c[i] = Math.max(0, c[i] + delta);
                if (c[0] == 0 && c[1] == 0) t.tokens.remove(token);
            }
        }
    }
}
