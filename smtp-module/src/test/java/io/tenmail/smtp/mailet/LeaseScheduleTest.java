package io.tenmail.smtp.mailet;

import io.tenmail.protocol.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the spooler's workers look at the database (ADR 0020), on a clock the test moves. */
class LeaseScheduleTest {
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final AtomicLong unleased = new AtomicLong();
    private final LeaseSchedule schedule = new LeaseSchedule(clock, MAX_IDLE, unleased::get);

    /** A look that leased less than a batch and was told when the next entry is due. */
    private void lookFinding(Duration untilNextDue) {
        assertThat(schedule.startLook()).isTrue();
        schedule.finishLook(false, untilNextDue);
    }

    @Test
    void theFirstWorkerLooksAtOnce() {
        assertThat(schedule.startLook()).isTrue();
    }

    @Test
    void afterALookThatFoundNothingDueNobodyLooksUntilTheNextDueTime() {
        lookFinding(Duration.ofSeconds(5));

        assertThat(schedule.startLook()).isFalse();
        assertThat(schedule.untilNextLook()).isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(4999));
        assertThat(schedule.startLook()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(schedule.startLook()).isTrue();
    }

    @Test
    void anEmptyQueueIsLookedAtAgainAfterMaxIdleForOtherNodesMail() {
        lookFinding(null);

        assertThat(schedule.untilNextLook()).isEqualTo(MAX_IDLE);
        clock.advance(MAX_IDLE.minusMillis(1));
        assertThat(schedule.startLook()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(schedule.startLook()).isTrue();
    }

    @Test
    void aDueTimeBeyondMaxIdleIsLookedAtAfterMaxIdle() {
        lookFinding(Duration.ofHours(2));

        assertThat(schedule.untilNextLook()).isEqualTo(MAX_IDLE);
        clock.advance(MAX_IDLE);
        assertThat(schedule.startLook()).isTrue();
    }

    @Test
    void oneWorkerLooksAtATimeAndTheOthersSleepUntilItIsDone() {
        assertThat(schedule.startLook()).isTrue();

        assertThat(schedule.startLook()).as("a second worker while the first looks").isFalse();
        assertThat(schedule.untilNextLook()).isEqualTo(MAX_IDLE);
    }

    @Test
    void aLookThatLeasedAFullBatchMakesTheNextLookDueAtOnce() {
        assertThat(schedule.startLook()).isTrue();

        assertThat(schedule.finishLook(true, null)).as("wake the others").isTrue();

        assertThat(schedule.untilNextLook()).isZero();
        assertThat(schedule.startLook()).isTrue();
    }

    @Test
    void anEntryQueuedUnleasedOnThisNodeIsLookedForAtOnce() {
        lookFinding(null);

        unleased.incrementAndGet();   // a DSN queued, as QueueWakeup.signalUnleased counts it

        assertThat(schedule.untilNextLook()).isZero();
        assertThat(schedule.startLook()).isTrue();
        schedule.finishLook(false, null);
        assertThat(schedule.startLook()).as("that look covered it").isFalse();
    }

    @Test
    void anEntryThisNodeMakesDueLaterMovesTheNextLookForward() {
        lookFinding(null);

        schedule.dueAt(clock.instant().plusSeconds(2));   // a reschedule

        assertThat(schedule.untilNextLook()).isEqualTo(Duration.ofSeconds(2));
        schedule.dueAt(clock.instant().plusSeconds(20));
        assertThat(schedule.untilNextLook()).as("a later time changes nothing").isEqualTo(Duration.ofSeconds(2));
        schedule.dueAt(clock.instant());   // a release, or an insert while the hand-off is full
        assertThat(schedule.startLook()).isTrue();
    }

    @Test
    void whatBecameDueDuringALookIsNotForgottenWhenTheLookEnds() {
        assertThat(schedule.startLook()).isTrue();
        // released while the look ran: its answer may have been read before the release committed
        schedule.dueAt(clock.instant());
        unleased.incrementAndGet();   // counted after the look started: not covered by it

        assertThat(schedule.finishLook(false, null)).isTrue();

        assertThat(schedule.startLook()).isTrue();
        schedule.finishLook(false, null);
        assertThat(schedule.startLook()).isFalse();
    }

    @Test
    void aDueTimeHeardDuringALookIsKeptWhenTheLookFindsALaterOne() {
        assertThat(schedule.startLook()).isTrue();
        schedule.dueAt(clock.instant().plusSeconds(3));

        schedule.finishLook(false, Duration.ofSeconds(20));

        assertThat(schedule.untilNextLook()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aQueueThatSaysSomethingIsDueButLeasedNothingIsNotLookedAtInABusyLoop() {
        assertThat(schedule.startLook()).isTrue();

        assertThat(schedule.finishLook(false, Duration.ZERO)).isFalse();

        assertThat(schedule.untilNextLook()).isEqualTo(LeaseSchedule.MIN_WAIT);
    }

    @Test
    void aFailedLookIsTriedAgainAfterThePauseOrWhenSomethingBecomesDue() {
        assertThat(schedule.startLook()).isTrue();
        schedule.failLook(Duration.ofSeconds(5));

        assertThat(schedule.untilNextLook()).isEqualTo(Duration.ofSeconds(5));
        schedule.dueAt(clock.instant());
        assertThat(schedule.startLook()).isTrue();
    }

    @Test
    void finishingALookThatWasNeverStartedIsABug() {
        assertThatThrownBy(() -> schedule.finishLook(false, null)).isInstanceOf(IllegalStateException.class);
    }
}
