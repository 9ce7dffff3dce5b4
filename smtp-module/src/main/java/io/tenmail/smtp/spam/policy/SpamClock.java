package io.tenmail.smtp.spam.policy;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The time greylisting measures its delay with: the system's, or a test's clock that can be advanced. */
@ApplicationScoped
public class SpamClock {
    private final Clock clock;

    public SpamClock() {
        this(Clock.systemUTC());
    }

    public SpamClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Instant now() {
        return clock.instant();
    }
}
