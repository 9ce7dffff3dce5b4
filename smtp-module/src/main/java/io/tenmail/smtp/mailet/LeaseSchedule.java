package io.tenmail.smtp.mailet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * When this node's spooler workers next look at the database for due entries (ADR 0020). A look
 * is a lease round and, when it leaves due work behind, a query for the next due time: both cost
 * statements, so a worker with nothing in memory does not look every time it goes idle, only
 * <ul>
 *   <li>when the time the last look found (the earliest next attempt or lease expiry) has come,
 *       and at the latest {@code maxIdle} after the last look (other nodes' mail, an administrator's
 *       retry: what this node cannot hear of);
 *   <li>at once when this node queued an entry that is not handed to its workers in memory (the
 *       hand-off was full, the spooler not running, a DSN): {@link #dueAt} with the current time,
 *       or a new value of the un-leased counter ({@link QueueWakeup#unleasedQueued()});
 *   <li>when this node itself made an entry due at some time (a release, a reschedule, a
 *       deferral): {@link #dueAt}.
 * </ul>
 * One worker looks at a time ({@link #startLook}); the others sleep until {@link #untilNextLook}
 * or a wake-up. A look that leased a full batch may have left more due entries behind: the next
 * look is due at once ({@link #finishLook} returns true, and the worker wakes the others).
 *
 * <p>No lost wake-up: whatever makes work due changes this state first and then signals
 * {@link QueueWakeup}; a worker reads the wake-up generation before it asks this schedule, so a
 * change after its question ends its sleep. A {@link #dueAt} during a look is kept across the
 * look's result, which may have been read before that change committed. Thread-safe.
 */
final class LeaseSchedule {
    /** The shortest wait after a look that left nothing due, whatever the database answered. */
    static final Duration MIN_WAIT = Duration.ofMillis(10);
    private final Clock clock;
    private final Duration maxIdle;
    private final LongSupplier unleased;
    /** The next look is due at this instant. */
    private Instant nextLook;
    /** The earliest {@link #dueAt} heard since the current look started (null: none, or no look under way). */
    private Instant dueDuringLook;
    private boolean looking;
    /** The un-leased counter's value when the last look started: a look covers what was queued before it. */
    private long unleasedSeen;

    /**
     * @param maxIdle  the longest time between two looks
     * @param unleased a counter that grows whenever this process queued an entry nobody holds
     */
    LeaseSchedule(Clock clock, Duration maxIdle, LongSupplier unleased) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxIdle = Objects.requireNonNull(maxIdle, "maxIdle");
        this.unleased = Objects.requireNonNull(unleased, "unleased");
        this.nextLook = clock.instant();   // the first look happens at once
        this.unleasedSeen = unleased.getAsLong();
    }

    /**
     * True when the caller is to look at the database now (it must then call {@link #finishLook}
     * or {@link #failLook}); false when the database has nothing due yet or another worker looks.
     */
    synchronized boolean startLook() {
        if (looking) return false;
        long queued = unleased.getAsLong();
        if (queued == unleasedSeen && clock.instant().isBefore(nextLook)) return false;
        looking = true;
        unleasedSeen = queued;   // read before the look's statements: later entries set it again
        dueDuringLook = null;
        return true;
    }

    /**
     * The look is over.
     *
     * @param leasedFullBatch the lease round took as many entries as it asked for: more may be due
     * @param untilNextDue    when the look found nothing more due: the database's answer (null: no
     *                        entry at all); ignored when {@code leasedFullBatch}
     * @return true when the next look is due at once (wake the other workers)
     */
    synchronized boolean finishLook(boolean leasedFullBatch, Duration untilNextDue) {
        requireLooking();
        looking = false;
        Instant now = clock.instant();
        Instant next;
        if (leasedFullBatch) {
            next = now;
        } else {
            Duration wait = untilNextDue == null || untilNextDue.compareTo(maxIdle) > 0 ? maxIdle : untilNextDue;
            // due now yet not leased: another worker or node claimed it between the two queries; no busy loop on it
            if (wait.compareTo(MIN_WAIT) < 0) wait = MIN_WAIT;
            next = now.plus(wait);
        }
        if (dueDuringLook != null && dueDuringLook.isBefore(next)) next = dueDuringLook;
        dueDuringLook = null;
        nextLook = next;
        return !now.isBefore(next);
    }

    /** The look failed (the database is down): the next one in {@code pause}, or sooner if something was due sooner. */
    synchronized void failLook(Duration pause) {
        requireLooking();
        looking = false;
        Instant next = clock.instant().plus(pause);
        if (dueDuringLook != null && dueDuringLook.isBefore(next)) next = dueDuringLook;
        dueDuringLook = null;
        nextLook = next;
    }

    /** This node made an entry due at {@code at} (now: queued un-leased or released); the next look is no later. */
    synchronized void dueAt(Instant at) {
        if (at.isBefore(nextLook)) nextLook = at;
        if (looking && (dueDuringLook == null || at.isBefore(dueDuringLook))) dueDuringLook = at;
    }

    /**
     * How long an idle worker may sleep before it asks {@link #startLook} again (a wake-up ends the
     * sleep sooner): until the next look, at most {@code maxIdle}; while another worker looks, the
     * full {@code maxIdle} (that worker wakes the others when more is due).
     */
    synchronized Duration untilNextLook() {
        if (looking) return maxIdle;
        if (unleased.getAsLong() != unleasedSeen) return Duration.ZERO;
        Duration wait = Duration.between(clock.instant(), nextLook);
        if (wait.isNegative()) return Duration.ZERO;
        return wait.compareTo(maxIdle) > 0 ? maxIdle : wait;
    }

    private void requireLooking() {
        if (!looking) throw new IllegalStateException("no look is under way");
    }
}
