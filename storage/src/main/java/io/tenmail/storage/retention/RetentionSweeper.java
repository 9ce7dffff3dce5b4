package io.tenmail.storage.retention;

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
 * client network, sender and recipient) not seen for {@link Retention#greylist}, and the daily
 * message counts per tenant older than {@link Retention#traffic}. A zero retention keeps that
 * table's rows forever. Each {@link #sweep} is one delete statement per table; safe to run on
 * several nodes at once (a row deleted twice is deleted once). Not a CDI bean: the composition root
 * runs it periodically. Thread-safe.
 */
public final class RetentionSweeper {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    /**
     * How long rows are kept. {@code greylist}: after the last sighting of a triplet; keep it at
     * least the {@code Greylisting} mailet's {@code memoryDays}, or a sender is greylisted again
     * sooner. {@code traffic}: whole days of message counts, today included.
     */
    public record Retention(Duration greylist, Duration traffic) {
        /** A greylisting memory of 36 days (RFC 6647 §4.2, the mailet's default) and 400 days of counts. */
        public static final Retention DEFAULTS = new Retention(Duration.ofDays(36), Duration.ofDays(400));

        public Retention {
            Objects.requireNonNull(greylist, "greylist");
            Objects.requireNonNull(traffic, "traffic");
            if (greylist.isNegative() || traffic.isNegative()) throw new IllegalArgumentException("a retention must not be negative");
            if (!traffic.isZero() && traffic.toDays() < 1) throw new IllegalArgumentException("message counts are kept for whole days");
        }
    }

    /** What one sweep deleted. */
    public record Result(long greylistRows, long trafficRows) {
    }

    private final SpamPolicies policies;
    private final MailTraffic traffic;
    private final Retention retention;
    private final Clock clock;

    public RetentionSweeper(SpamPolicies policies, MailTraffic traffic, Retention retention, Clock clock) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deletes what is older than the retention; both tables are tried even when the first fails. */
    public Result sweep() throws StoreException {
        StoreException failure = null;
        long greylist = 0;
        long counts = 0;
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
        if (failure != null) throw failure;
        if (greylist + counts > 0) {
            log.info("retention: deleted {} greylisting triplet(s) unseen for {} days and {} daily message count(s) older than {} days",
                    greylist, retention.greylist().toDays(), counts, retention.traffic().toDays());
        }
        return new Result(greylist, counts);
    }
}
