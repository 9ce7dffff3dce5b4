package io.tenmail.smtp.spam.bayes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's training counts in memory: messages and per-token counts, spam and ham. The
 * {@link TokenStatistics} implementations share it; callers synchronise on the instance.
 */
final class TenantTokenCounts {
    long spam;
    long ham;
    /** token → {spam, ham}; a token whose counts both reach zero is dropped */
    final Map<String, long[]> tokens = new HashMap<>();

    TokenCounts messages() {
        return new TokenCounts(spam, ham);
    }

    Map<String, TokenCounts> counts(Set<String> wanted) {
        Map<String, TokenCounts> out = new HashMap<>();
        for (String token : wanted) {
            long[] n = tokens.get(token);
            if (n != null) out.put(token, new TokenCounts(n[0], n[1]));
        }
        return out;
    }

    /** Adds {@code delta} (1 to train, -1 to untrain) to the message count and to each token; never below zero. */
    void change(Set<String> trained, boolean asSpam, int delta) {
        int i = asSpam ? 0 : 1;
        if (asSpam) spam = Math.max(0, spam + delta);
        else ham = Math.max(0, ham + delta);
        for (String token : trained) {
            long[] n = tokens.computeIfAbsent(token, k -> new long[2]);
            n[i] = Math.max(0, n[i] + delta);
            if (n[0] == 0 && n[1] == 0) tokens.remove(token);
        }
    }
}
