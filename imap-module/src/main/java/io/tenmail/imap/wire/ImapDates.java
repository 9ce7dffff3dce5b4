package io.tenmail.imap.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The two date syntaxes of RFC 9051 §9:
 *
 * <pre>
 * date      = date-text / DQUOTE date-text DQUOTE            1-Feb-1994   (SEARCH)
 * date-text = date-day "-" date-month "-" date-year          date-day = 1*2DIGIT
 * date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
 *             date-day-fixed = (SP DIGIT) / 2DIGIT           " 7-Jul-1996 02:44:25 -0700"
 * </pre>
 *
 * Month names are case-insensitive (ABNF strings are); the date must exist (no 31-Feb), times are
 * 00:00:00 to 23:59:59 and zones within ±18:00 (Java's limit; real zones are within ±14:00). The
 * quotes around {@code date-time} are the caller's business: these methods see the inside.
 */
public final class ImapDates {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private ImapDates() {
    }

    /**
     * Parses {@code date-text}, e.g. {@code 1-Feb-1994}.
     *
     * @throws IllegalArgumentException with a reason fit for a BAD response
     */
    public static LocalDate parseDate(CharSequence s) {
        int dash = indexOf(s, '-', 0);
        if (dash < 1 || dash > 2) throw new IllegalArgumentException("Invalid date '" + s + "', expected d-Mon-yyyy");
        int day = digits(s, 0, dash, "date");
        return date(s, dash + 1, day, s.length(), "date");
    }

    /**
     * Parses the inside of {@code date-time}, e.g. {@code 17-Jul-1996 02:44:25 -0700}.
     *
     * @throws IllegalArgumentException with a reason fit for a BAD response
     */
    public static OffsetDateTime parseDateTime(CharSequence s) {
        if (s.length() != 26) throw new IllegalArgumentException("Invalid date-time '" + s + "', expected dd-Mon-yyyy hh:mm:ss +zzzz");
        int day = s.charAt(0) == ' ' ? digits(s, 1, 2, "date-time") : digits(s, 0, 2, "date-time");
        if (s.charAt(2) != '-') throw new IllegalArgumentException("Invalid date-time '" + s + "'");
        LocalDate date = date(s, 3, day, 11, "date-time");
        if (s.charAt(11) != ' ' || s.charAt(14) != ':' || s.charAt(17) != ':' || s.charAt(20) != ' ') {
            throw new IllegalArgumentException("Invalid date-time '" + s + "'");
        }
        int hour = digits(s, 12, 14, "time");
        int minute = digits(s, 15, 17, "time");
        int second = digits(s, 18, 20, "time");
        if (hour > 23 || minute > 59 || second > 59) throw new IllegalArgumentException("Invalid time in '" + s + "'");
        char sign = s.charAt(21);
        if (sign != '+' && sign != '-') throw new IllegalArgumentException("Invalid zone in '" + s + "'");
        int zh = digits(s, 22, 24, "zone");
        int zm = digits(s, 24, 26, "zone");
        if (zm > 59) throw new IllegalArgumentException("Invalid zone in '" + s + "'");
        try {
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign == '-' ? -zh : zh, sign == '-' ? -zm : zm);
            return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second, 0, offset);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid zone in '" + s + "'");
        }
    }

    /** The inside of {@code date-time} for INTERNALDATE, e.g. {@code 07-Jul-1996 02:44:25 -0700}. */
    public static String formatDateTime(OffsetDateTime t) {
        int total = t.getOffset().getTotalSeconds() / 60;
        char sign = total < 0 ? '-' : '+';
        total = Math.abs(total);
        return String.format("%02d-%s-%04d %02d:%02d:%02d %c%02d%02d", t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1],
                t.getYear(), t.getHour(), t.getMinute(), t.getSecond(), sign, total / 60, total % 60);
    }

    /** {@link #formatDateTime(OffsetDateTime)} of an instant seen from {@code offset}. */
    public static String formatDateTime(Instant instant, ZoneOffset offset) {
        return formatDateTime(instant.atOffset(offset));
    }

    /** {@code date-text} with a two-digit day, e.g. {@code 01-Feb-1994}. */
    public static String formatDate(LocalDate d) {
        return String.format("%02d-%s-%04d", d.getDayOfMonth(), MONTHS[d.getMonthValue() - 1], d.getYear());
    }

    /** Month and year from {@code s[from..to)} = "Mon-yyyy". */
    private static LocalDate date(CharSequence s, int from, int day, int to, String what) {
        if (to - from != 8 || s.charAt(from + 3) != '-') {
            throw new IllegalArgumentException("Invalid " + what + " '" + s + "'");
        }
        int month = -1;
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].regionMatches(true, 0, s.toString(), from, 3)) month = m + 1;
        }
        if (month < 0) throw new IllegalArgumentException("Invalid month in " + what + " '" + s + "'");
        int year = digits(s, from + 4, to, what);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("No such day: '" + s + "'");
        }
    }

    private static int digits(CharSequence s, int from, int to, String what) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("Invalid " + what + " '" + s + "'");
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) return i;
        }
        return -1;
    }
}
