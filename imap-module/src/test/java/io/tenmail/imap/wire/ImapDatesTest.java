package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapDatesTest {

    @Test
    void searchDatesHaveOneOrTwoDigitDays() {
        assertThat(ImapDates.parseDate("1-Feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(ImapDates.parseDate("01-Feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(ImapDates.parseDate("31-dec-2026")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ImapDates.parseDate("29-FEB-2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-Feb-94", "001-Feb-1994", "1 Feb 1994", "1-Fev-1994", "32-Jan-2026",
        "29-Feb-2026", "0-Jan-2026", "1-Feb-1994x", "x-Feb-1994", "1-Feb-19a4", "1994-02-01"})
    void invalidSearchDatesAreRefused(String text) {
        assertThatThrownBy(() -> ImapDates.parseDate(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dateTimesParseWithFixedDayAndZone() {
        // RFC 9051 §6.3.12 example: "17-Jul-1996 02:44:25 -0700"
        assertThat(ImapDates.parseDateTime("17-Jul-1996 02:44:25 -0700"))
                .isEqualTo(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)));
        assertThat(ImapDates.parseDateTime(" 7-Jul-1996 02:44:25 +0530"))
                .isEqualTo(OffsetDateTime.of(1996, 7, 7, 2, 44, 25, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(ImapDates.parseDateTime("07-jul-1996 23:59:59 +0000").getDayOfMonth()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7-Jul-1996 02:44:25 -0700", "17-Jul-1996 24:00:00 -0700", "17-Jul-1996 02:60:25 -0700",
        "17-Jul-1996 02:44:60 -0700", "17-Jul-1996 02:44:25 0700 ", "17-Jul-1996 02:44:25 -0760",
        "17-Jul-1996 02:44:25 +1900", "31-Jun-1996 02:44:25 -0700", "17-Jul-1996T02:44:25 -0700",
        "17-Jul-1996 02:44:25  -0700", "17-Jul-1996 02:44:25 -07:00"})
    void invalidDateTimesAreRefused(String text) {
        assertThatThrownBy(() -> ImapDates.parseDateTime(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void internalDatesAreFormattedWithTwoDigitDays() {
        assertThat(ImapDates.formatDateTime(OffsetDateTime.of(1996, 7, 7, 2, 4, 5, 0, ZoneOffset.ofHoursMinutes(-3, -30))))
                .isEqualTo("07-Jul-1996 02:04:05 -0330");
        assertThat(ImapDates.formatDateTime(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.ofHours(8)))
                .isEqualTo("01-Mar-2026 08:00:00 +0800");
        assertThat(ImapDates.formatDate(LocalDate.of(2026, 1, 5))).isEqualTo("05-Jan-2026");
    }

    @Test
    void formattedDateTimesParseBack() {
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 30, 13, 45, 1, 0, ZoneOffset.ofHours(8));
        assertThat(ImapDates.parseDateTime(ImapDates.formatDateTime(t))).isEqualTo(t);
    }
}
