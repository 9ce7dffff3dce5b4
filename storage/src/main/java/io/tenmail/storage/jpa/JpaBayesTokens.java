package io.tenmail.storage.jpa;

import io.tenmail.storage.BayesTokens;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.BayesCounts;
import io.tenmail.storage.model.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link BayesTokens} on BAYES_TOTAL, BAYES_TOKEN and BAYES_TRAINED. A training is one transaction
 * that locks the tenant's total row first, so trainings of one tenant run one after the other
 * (also across nodes) and counts never drift; feature counts change with one bulk UPDATE per 500
 * features plus an INSERT per new feature.
 *
 * <p>The classifier asks for a tenant's totals with every message, only to know whether the tenant
 * has trained enough; they come from a {@link ReadCache}, which a training on this node
 * invalidates at once and one on another node within the time-to-live. Thread-safe.
 */
public final class JpaBayesTokens implements BayesTokens {
    /** Values per IN list: well under what both databases accept in one statement. */
    static final int CHUNK = 500;

    private final Transactions tx;
    private final Clock clock;
    private final ReadCache totals;

    /** With the default time-to-live of cached totals. */
    public JpaBayesTokens(Transactions tx, Clock clock) {
        this(tx, clock, StorageSettings.DEFAULT_DIRECTORY_CACHE_TTL);
    }

    /** @param cacheTtl how long a tenant's totals are kept ({@code tenmail.directory.cache-seconds}); zero for none */
    public JpaBayesTokens(Transactions tx, Clock clock, Duration cacheTtl) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.totals = new ReadCache(tx.generation(CachedData.BAYES), cacheTtl);
    }

    @Override
    public BayesCounts messages(TenantId tenant) throws StoreException {
        Objects.requireNonNull(tenant, "tenant");
        return totals.get(tenant, () -> tx.run(em -> {
            BayesTotalEntity total = em.find(BayesTotalEntity.class, tenant.value());
            return total == null ? BayesCounts.NONE : new BayesCounts(total.spam(), total.ham());
        }));
    }

    @Override
    public Map<String, BayesCounts> counts(TenantId tenant, Set<String> tokens) throws StoreException {
        List<String> wanted = usable(tokens);
        if (wanted.isEmpty()) return Map.of();
        return tx.run(em -> {
            Map<String, BayesCounts> out = new HashMap<>();
            for (List<String> chunk : chunks(wanted)) {
                for (BayesTokenEntity t : BayesTokenEntity.find(em, tenant.value(), chunk)) out.put(t.token(), new BayesCounts(t.spam(), t.ham()));
            }
            return out;
        });
    }

    @Override
    public Learned learn(TenantId tenant, String messageKey, Set<String> tokens, boolean spam) throws StoreException {
        Objects.requireNonNull(messageKey, "messageKey");
        if (messageKey.isEmpty() || messageKey.length() > 200) {
            throw new StoreException(StoreException.Reason.INVALID, "a message key has 1 to 200 characters");
        }
        List<String> features = usable(tokens);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return tx.run(em -> {
            long t = tenant.value();
            BayesTotalEntity total = lockedTotal(em, t);
            BayesTrainedEntity earlier = em.find(BayesTrainedEntity.class, new BayesTrainedEntity.Key(t, messageKey));
            Learned learned;
            if (earlier == null) {
                em.persist(new BayesTrainedEntity(t, messageKey, spam, clock.instant()));
                learned = Learned.TRAINED;
            } else if (earlier.spam() == spam) {
                return Learned.ALREADY_TRAINED;
            } else {
                // a change of mind: the message leaves its old class first
                total.add(!spam, -1);
                for (List<String> chunk : chunks(features)) BayesTokenEntity.subtract(em, t, chunk, !spam);
                earlier.retrain(spam, clock.instant());
                learned = Learned.RETRAINED;
            }
            total.add(spam, +1);
            for (List<String> chunk : chunks(features)) {
                Set<String> known = new HashSet<>(BayesTokenEntity.existing(em, t, chunk));
                if (!known.isEmpty()) BayesTokenEntity.add(em, t, known, spam, today);
                for (String token : chunk) if (!known.contains(token)) em.persist(new BayesTokenEntity(t, token, spam, today));
            }
            return learned;
        });
    }

    @Override
    public long forgetRare(LocalDate trainedBefore) throws StoreException {
        Objects.requireNonNull(trainedBefore, "trainedBefore");
        // a bulk delete: token counts are never cached (ADR 0018), and the totals do not change
        return tx.run(em -> (long) BayesTokenEntity.forgetRare(em, trainedBefore));
    }

    private static BayesTotalEntity lockedTotal(EntityManager em, long tenant) {
        BayesTotalEntity total = em.find(BayesTotalEntity.class, tenant, LockModeType.PESSIMISTIC_WRITE);
        if (total != null) return total;
        total = new BayesTotalEntity(tenant);
        em.persist(total);
        em.flush();   // the row exists (and is held) before the features change
        return total;
    }

    private static List<String> usable(Set<String> tokens) {
        return tokens.stream().filter(s -> !s.isEmpty() && s.length() <= MAX_TOKEN_LENGTH).distinct().toList();
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        return out;
    }
}
