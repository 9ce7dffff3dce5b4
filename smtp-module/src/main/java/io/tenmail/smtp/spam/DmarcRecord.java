package io.tenmail.smtp.spam;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DMARC policy record (RFC 7489 §6.3): {@code v=DMARC1; p=reject; sp=quarantine; pct=50;
 * adkim=s; aspf=r}. Only the tags that decide the verdict are kept; reporting tags are ignored.
 *
 * @param policy            p=
 * @param subdomainPolicy   sp=, or p= when absent (§6.3)
 * @param percent           pct=, 0 to 100, default 100
 * @param strictDkim        adkim=s (default relaxed)
 * @param strictSpf         aspf=s (default relaxed)
 */
public record DmarcRecord(Policy policy, Policy subdomainPolicy, int percent, boolean strictDkim, boolean strictSpf) {

    /** The Domain Owner's requested handling of failing mail. */
    public enum Policy {
        NONE, QUARANTINE, REJECT;

        /** §6.6.4: a message not selected by pct gets the next policy down. */
        Policy weaker() {
            return this == REJECT ? QUARANTINE : NONE;
        }

        static Optional<Policy> parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> Optional.of(NONE);
                case "quarantine" -> Optional.of(QUARANTINE);
                case "reject" -> Optional.of(REJECT);
                default -> Optional.empty();
            };
        }
    }

    /**
     * Parses a TXT record; empty when it is not a DMARC record or is unusable (§6.6.3: v= must
     * come first; a record without a valid p= is ignored unless a valid rua= exists, in which case
     * p=none applies; we do not report, so such a record is treated as p=none too).
     */
    public static Optional<DmarcRecord> parse(String txt) {
        String[] parts = txt.split(";");
        if (parts.length == 0 || !parts[0].trim().replace(" ", "").equalsIgnoreCase("v=DMARC1")) return Optional.empty();
        Map<String, String> tags = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) continue;
            tags.putIfAbsent(parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), parts[i].substring(eq + 1).trim());
        }
        Optional<Policy> p = Optional.ofNullable(tags.get("p")).flatMap(Policy::parse);
        if (p.isEmpty() && !tags.containsKey("rua")) return Optional.empty();
        Policy policy = p.orElse(Policy.NONE);
        Policy sp = Optional.ofNullable(tags.get("sp")).flatMap(Policy::parse).orElse(policy);
        int pct = 100;
        if (tags.containsKey("pct")) {
            try {
                pct = Math.max(0, Math.min(100, Integer.parseInt(tags.get("pct"))));
            } catch (NumberFormatException e) {
                pct = 100;  // §6.3: an invalid value is treated as the default
            }
        }
        return Optional.of(new DmarcRecord(policy, sp, pct, "s".equalsIgnoreCase(tags.get("adkim")), "s".equalsIgnoreCase(tags.get("aspf"))));
    }
}
