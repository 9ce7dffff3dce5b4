package io.tenmail.smtp.remote;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {
    private static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:00Z");

    private static RetrySchedule schedule(String intervals, Duration maxAge, Duration notice) {
        return new RetrySchedule(RetrySchedule.parseIntervals(intervals), maxAge, Optional.ofNullable(notice));
    }

    @Test
    void intervalsParseWithUnitsAndCombinations() {
        assertThat(RetrySchedule.parseIntervals("5m, 10m 30m,1h, 2h, 4h, 1d, 1h30m, 45s"))
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
                        Duration.ofHours(2), Duration.ofHours(4), Duration.ofDays(1), Duration.ofMinutes(90), Duration.ofSeconds(45));
    }

    @Test
    void malformedIntervalsAreRefused() {
        assertThatThrownBy(() -> RetrySchedule.parseIntervals("5 minutes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.parseIntervals("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(RetrySchedule.parseIntervals("5m 0m"), Duration.ofDays(1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachFailureWaitsTheNextIntervalAndTheLastRepeats() {
        RetrySchedule s = schedule("5m, 10m, 30m", Duration.ofDays(5), null);
        Instant now = RECEIVED;
        assertThat(s.afterTemporaryFailure(RECEIVED, 0, now).nextAttempt()).contains(now.plus(Duration.ofMinutes(5)));
        now = RECEIVED.plus(Duration.ofMinutes(5));
        assertThat(s.afterTemporaryFailure(RECEIVED, 1, now).nextAttempt()).contains(now.plus(Duration.ofMinutes(10)));
        now = RECEIVED.plus(Duration.ofMinutes(15));
        assertThat(s.afterTemporaryFailure(RECEIVED, 2, now).nextAttempt()).contains(now.plus(Duration.ofMinutes(30)));
        now = RECEIVED.plus(Duration.ofHours(20));
        assertThat(s.afterTemporaryFailure(RECEIVED, 40, now).nextAttempt()).contains(now.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theLastAttemptFallsOnTheMaximumAgeAndAFailureThenIsFinal() {
        RetrySchedule s = schedule("4h", Duration.ofDays(5), null);
        Instant late = RECEIVED.plus(Duration.ofDays(5)).minus(Duration.ofHours(1));
        assertThat(s.afterTemporaryFailure(RECEIVED, 29, late).nextAttempt()).contains(RECEIVED.plus(Duration.ofDays(5)));
        assertThat(s.afterTemporaryFailure(RECEIVED, 30, RECEIVED.plus(Duration.ofDays(5))).expired()).isTrue();
        assertThat(s.afterTemporaryFailure(RECEIVED, 3, RECEIVED.plus(Duration.ofDays(6))).expired()).isTrue();
    }

    @Test
    void anAttemptFallsOnTheDelayNoticeAndOnlyThatOneSendsIt() {
        RetrySchedule s = RetrySchedule.standard(); // offsets 0 5m 15m 45m 1h45m 3h45m [4h] 7h45m ...
        Instant now = RECEIVED;
        int noticesSent = 0;
        Instant noticeAt = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            RetrySchedule.RetryDecision d = s.afterTemporaryFailure(RECEIVED, attempt, now);
            if (d.expired()) break;
            if (d.delayNoticeDue()) {
                noticesSent++;
                noticeAt = now;
            }
            now = d.nextAttempt().orElseThrow();
        }
        assertThat(noticesSent).isEqualTo(1);
        assertThat(noticeAt).isEqualTo(RECEIVED.plus(Duration.ofHours(4)));
    }

    @Test
    void aNoticeOffsetOnAScheduledAttemptIsNotDoubled() {
        RetrySchedule s = schedule("1h", Duration.ofDays(1), Duration.ofHours(4));
        assertThat(s.nominalOffsets()).startsWith(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3),
                Duration.ofHours(4), Duration.ofHours(5));
        assertThat(s.afterTemporaryFailure(RECEIVED, 4, RECEIVED.plus(Duration.ofHours(4))).delayNoticeDue()).isTrue();
        assertThat(s.afterTemporaryFailure(RECEIVED, 5, RECEIVED.plus(Duration.ofHours(5))).delayNoticeDue()).isFalse();
    }

    @Test
    void theDelayNoticeMustComeBeforeTheMaximumAge() {
        assertThatThrownBy(() -> schedule("1h", Duration.ofHours(4), Duration.ofHours(4))).isInstanceOf(IllegalArgumentException.class);
    }
}
