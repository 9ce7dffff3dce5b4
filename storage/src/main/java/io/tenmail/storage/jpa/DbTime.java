package io.tenmail.storage.jpa;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in TIMESTAMP columns: stored as UTC wall-clock time (neither database keeps a zone in
 * a plain TIMESTAMP) and cut to milliseconds, which both Derby and PostgreSQL keep exactly, so a
 * value reads back equal to what was written.
 */
final class DbTime {
    private DbTime() {
    }

    static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
