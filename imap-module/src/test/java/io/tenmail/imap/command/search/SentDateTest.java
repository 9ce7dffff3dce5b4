package io.tenmail.imap.command.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5256 §2.2 sent date, from RFC 5322 dates including the obsolete forms. */
class SentDateTest {
    private static final Instant INTERNAL = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void parsesRfc5322DatesToUtc() {
        assertThat(SentDate.of("Mon, 6 Jan 2025 10:00:00 +0100", INTERNAL)).isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
        assertThat(SentDate.of("6 Jan 2025 10:00 -0230", INTERNAL)).isEqualTo(Instant.parse("2025-01-06T12:30:00Z"));
        assertThat(SentDate.of("Tue,  7 Jan 2025 10:00:00 +0000 (UTC)", INTERNAL)).isEqualTo(Instant.parse("2025-01-07T10:00:00Z"));
    }

    @Test
    void acceptsObsoleteYearsAndZones() {
        assertThat(SentDate.of("1 Feb 99 12:00:00 EST", INTERNAL)).isEqualTo(Instant.parse("1999-02-01T17:00:00Z"));
        assertThat(SentDate.of("1 Feb 04 12:00:00 GMT", INTERNAL)).isEqualTo(Instant.parse("2004-02-01T12:00:00Z"));
    }

    @Test
    void missingOrMalformedDateFallsBackToTheInternalDate() {
        assertThat(SentDate.of(null, INTERNAL)).isEqualTo(INTERNAL);
        assertThat(SentDate.of("yesterday", INTERNAL)).isEqualTo(INTERNAL);
        assertThat(SentDate.of("32 Jan 2025 10:00:00 +0000", INTERNAL)).isEqualTo(INTERNAL);
        assertThat(SentDate.of("1 Foo 2025 10:00:00 +0000", INTERNAL)).isEqualTo(INTERNAL);
        assertThat(SentDate.of("1 Jan 2025 25:00:00 +0000", INTERNAL)).isEqualTo(INTERNAL);
    }
}
