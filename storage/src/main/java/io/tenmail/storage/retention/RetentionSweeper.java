package io.tenmail.storage.retention;

import io.tenmail.storage.BayesTokens;
import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Deletes the rows that only ever grow with the mail a server sees: greylisting triplets (one per
 * client network, sender and recipient) not seen for {@link Retention#greylist}, the daily
 * message counts per tenant older than {@link Retention#traffic}, and the Bayes features of a
 * single message not trained for {@link Retention#rareBayesTokens}. A zero retention keeps that
 * table's rows forever. Each {@link #sweep} is one delete statement per table; safe to run on
 * several nodes at once (a row deleted twice is deleted once). Not a CDI bean: the composition root
 * runs it periodically. Thread-safe.
 */
public final class RetentionSweeper {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    /**
     * How long rows are kept. {@code greylist}: after the last sighting of a triplet; keep it at
     * least the {@code Greylisting} mailet's {@code memoryDays}, or a sender is greylisted again
     * sooner. {@code traffic}: whole days of message counts, today included. {@code rareBayesTokens}:
     * whole days since a feature counted for at most one message was last trained.
     */
    public record Retention(Duration greylist, Duration traffic, Duration rareBayesTokens) {
        /** A greylisting memory of 36 days (RFC 6647 §4.2, the mailet's default), 400 days of counts, rare features for 180 days. */
        public static final Retention DEFAULTS = new Retention(Duration.ofDays(36), Duration.ofDays(400), Duration.ofDays(180));

        public Retention {
            Objects.requireNonNull(greylist, "greylist");
            Objects.requireNonNull(traffic, "traffic");
            Objects.requireNonNull(rareBayesTokens, "rareBayesTokens");
            if (greylist.isNegative() || traffic.isNegative() || rareBayesTokens.isNegative()) {
                throw new IllegalArgumentException("a retention must not be negative");
            }
            if (!traffic.isZero() && traffic.toDays() < 1) throw new IllegalArgumentException("message counts are kept for whole days");
            if (!rareBayesTokens.isZero() && rareBayesTokens.toDays() < 1) throw new IllegalArgumentException("Bayes features are kept for whole days");
        }
    }

    /** What one sweep deleted. */
    public record Result(long greylistRows, long trafficRows, long bayesTokens) {
    }

    private final SpamPolicies policies;
    private final MailTraffic traffic;
    private final BayesTokens bayes;
    private final Retention retention;
    private final Clock clock;

    public RetentionSweeper(SpamPolicies policies, MailTraffic traffic, BayesTokens bayes, Retention retention, Clock clock) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.bayes = Objects.requireNonNull(bayes, "bayes");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deletes what is older than the retention; every table is tried even when one fails. */
    public Result sweep() throws StoreException {
        StoreException failure = null;
        long greylist = 0;
        long counts = 0;
        long features = 0;
        if (!retention.greylist().isZero()) {
            try {
                greylist = policies.forgetGreylistBefore(clock.instant().minus(retention.greylist()));
            } catch (StoreException e) {
                failure = e;
            }
        }
        if (!retention.traffic().isZero()) {
            try {
                counts = traffic.forgetBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(retention.traffic().toDays() - 1));
            } catch (StoreException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (!retention.rareBayesTokens().isZero()) {
            try {
                features = bayes.forgetRare(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(retention.rareBayesTokens().toDays()));
            } catch (StoreException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
        if (greylist + counts + features > 0) {
            log.info("retention: deleted {} greylisting triplet(s) unseen for {} days, {} daily message count(s) older than {} days, "
                            + "{} Bayes feature(s) of one message untrained for {} days",
                    greylist, retention.greylist().toDays(), counts, retention.traffic().toDays(), features, retention.rareBayesTokens().toDays());
        }
        return new Result(greylist, counts, features);
    }
}
