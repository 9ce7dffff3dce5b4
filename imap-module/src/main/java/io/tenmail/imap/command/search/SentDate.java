package io.tenmail.imap.command.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sent date of RFC 5256 §2.2: the Date header (RFC 5322 §3.3, obsolete forms of §4.3
 * included: two-digit years, named zones, comments, no day of week or seconds) as an instant, or
 * the INTERNALDATE when the header is missing or cannot be parsed. SORT (DATE) and THREAD use it.
 */
final class SentDate {
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("UT", 0), Map.entry("GMT", 0),
            Map.entry("Z", 0), Map.entry("EST", -500), Map.entry("EDT", -400), Map.entry("CST", -600), Map.entry("CDT", -500),
            Map.entry("MST", -700), Map.entry("MDT", -600), Map.entry("PST", -800), Map.entry("PDT", -700));
    private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

    private SentDate() {
    }

    static Instant of(String dateHeader, Instant internalDate) {
        return parse(dateHeader).orElse(internalDate);
    }

    /** The header's instant, or empty if it is missing or malformed. */
    static Optional<Instant> parse(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.replaceAll("\\([^)]*\\)", " ").replaceAll("[\\r\\n\\t]", " ").trim();
        int comma = s.indexOf(',');
        if (comma >= 0) s = s.substring(comma + 1);
        String[] t = s.trim().split(" +");
        if (t.length < 4) return Optional.empty();
        try {
            int day = Integer.parseInt(t[0]);
            int m = MONTHS.indexOf(t[1].toUpperCase(Locale.ROOT));
            if (t[1].length() != 3 || m < 0 || m % 3 != 0) return Optional.empty();
            int month = m / 3 + 1;
            int year = Integer.parseInt(t[2]);
            if (t[2].length() == 2) year += year < 50 ? 2000 : 1900;   // RFC 5322 §4.3
            else if (t[2].length() == 3) year += 1900;
            String[] hms = t[3].split(":");
            if (hms.length < 2 || hms.length > 3) return Optional.empty();
            LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(hms[0]), Integer.parseInt(hms[1]),
                    hms.length == 3 ? Integer.parseInt(hms[2]) : 0);
            int offset = t.length > 4 ? zone(t[4]) : 0;
            int seconds = (Math.abs(offset) / 100 * 3600 + Math.abs(offset) % 100 * 60) * Integer.signum(offset);
            return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(seconds)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** +hhmm / -hhmm, or an obsolete zone name; unknown names count as +0000 (RFC 5322 §4.3). */
    private static int zone(String z) {
        if ((z.startsWith("+") || z.startsWith("-")) && z.length() == 5) {
            int v = Integer.parseInt(z.substring(1));
            if (v % 100 > 59 || v > 1800) throw new NumberFormatException("zone " + z);
            return z.startsWith("-") ? -v : v;
        }
        return ZONES.getOrDefault(z.toUpperCase(Locale.ROOT), 0);
    }
}
