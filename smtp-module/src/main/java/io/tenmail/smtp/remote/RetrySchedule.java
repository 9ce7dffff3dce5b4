package io.tenmail.smtp.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a mail whose delivery failed temporarily is tried again, when it is given up, and when its
 * sender hears that it is delayed. Stateless: the decision depends only on when the mail was
 * accepted, how many attempts failed before and the time now, because the queue keeps nothing else.
 *
 * <p>The intervals are the waits after the first, second, ... failed attempt; the last repeats.
 * Attempts are nominally at the offsets 0, i1, i1+i2, ... from acceptance, with the delay-notice
 * offset inserted so that an attempt falls on it: the attempt with that index sends the notice, so
 * it is sent once whatever the clock says. Each wait is the gap between consecutive offsets,
 * measured from the failed attempt, and never reaches past the maximum age, so one last attempt is
 * made at the maximum age; a temporary failure at or after it is final.
 *
 * @param intervals   waits after successive failures, each positive; the last one repeats
 * @param maxAge      how long after acceptance delivery is attempted (RFC 5321 §4.5.4.1: at least 4-5 days)
 * @param delayNotice when a delay notice is sent, if at all; shorter than {@code maxAge}
 */
public record RetrySchedule(List<Duration> intervals, Duration maxAge, Optional<Duration> delayNotice) {
    /** RFC 5321 §4.5.4.1 suggests 30 minutes; we start faster because greylisting clears in minutes. */
    public static final String DEFAULT_INTERVALS = "5m, 10m, 30m, 1h, 2h, 4h";
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(5);
    public static final Duration DEFAULT_DELAY_NOTICE = Duration.ofHours(4);

    private static final Pattern PART = Pattern.compile("(\\d{1,6})([smhd])");

    public RetrySchedule {
        intervals = List.copyOf(intervals);
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(delayNotice, "delayNotice");
        if (intervals.isEmpty()) throw new IllegalArgumentException("the retry schedule needs at least one interval");
        for (Duration d : intervals) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("retry intervals must be positive, was " + d);
        }
        if (maxAge.isNegative() || maxAge.isZero()) throw new IllegalArgumentException("the maximum age must be positive");
        if (delayNotice.isPresent() && (delayNotice.get().isNegative() || delayNotice.get().isZero()
                || delayNotice.get().compareTo(maxAge) >= 0)) {
            throw new IllegalArgumentException("the delay notice must come after acceptance and before the maximum age");
        }
    }

    /** The default: 5m, 10m, 30m, 1h, 2h, then every 4h, for 5 days; a delay notice after 4 hours. */
    public static RetrySchedule standard() {
        return new RetrySchedule(parseIntervals(DEFAULT_INTERVALS), DEFAULT_MAX_AGE, Optional.of(DEFAULT_DELAY_NOTICE));
    }

    /**
     * Parses {@code "5m, 10m, 30m, 1h, 2h, 4h"}: comma- or space-separated durations, each digits
     * and a unit (s, m, h, d), combinable as in {@code 1h30m}.
     */
    public static List<Duration> parseIntervals(String text) {
        List<Duration> out = new ArrayList<>();
        for (String item : text.trim().split("[,\\s]+")) {
            if (item.isEmpty()) continue;
            out.add(parseDuration(item));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no interval in \"" + text + "\"");
        return out;
    }

    /** Parses one duration such as {@code 45m} or {@code 1h30m}. */
    public static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            at = m.end();
        }
        if (at != s.length() || s.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration such as 30s, 5m, 2h, 1d or 1h30m");
        }
        return total;
    }

    /**
     * What to do after attempt number {@code failedAttempts + 1} failed temporarily.
     *
     * @param received       when the mail was accepted
     * @param failedAttempts attempts that failed before this one (the queue's attempt count)
     * @param now            the time of this failure
     */
    public RetryDecision afterTemporaryFailure(Instant received, int failedAttempts, Instant now) {
        Instant deadline = received.plus(maxAge);
        if (!now.isBefore(deadline)) return RetryDecision.EXPIRED;
        List<Duration> offsets = nominalOffsets();
        int n = Math.max(0, failedAttempts);
        Duration gap = n + 1 < offsets.size() ? offsets.get(n + 1).minus(offsets.get(n)) : intervals.get(intervals.size() - 1);
        Instant next = now.plus(gap);
        if (next.isAfter(deadline)) next = deadline;
        boolean notice = delayNotice.isPresent() && n < offsets.size() && offsets.get(n).equals(delayNotice.get());
        return new RetryDecision(Optional.of(next), notice);
    }

    /** Attempt offsets from acceptance: 0, the running sums of the intervals and the notice offset, up to the maximum age. */
    List<Duration> nominalOffsets() {
        TreeSet<Duration> offsets = new TreeSet<>();
        Duration at = Duration.ZERO;
        int i = 0;
        while (at.compareTo(maxAge) < 0) {
            offsets.add(at);
            at = at.plus(intervals.get(Math.min(i++, intervals.size() - 1)));
        }
        offsets.add(maxAge);
        delayNotice.ifPresent(offsets::add);
        return List.copyOf(offsets);
    }

    /**
     * The decision after a temporary failure.
     *
     * @param nextAttempt      when to try again; empty when the mail has expired and must be reported failed
     * @param delayNoticeDue   whether to send the delay notice now (at most once per mail)
     */
    public record RetryDecision(Optional<Instant> nextAttempt, boolean delayNoticeDue) {
        public static final RetryDecision EXPIRED = new RetryDecision(Optional.empty(), false);

        public boolean expired() {
            return nextAttempt.isEmpty();
        }
    }
}
