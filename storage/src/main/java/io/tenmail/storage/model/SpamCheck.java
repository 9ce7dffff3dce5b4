package io.tenmail.storage.model;

import java.util.Locale;
import java.util.Optional;

/** The spam checks a domain can switch on and off ({@link SpamPolicy}). */
public enum SpamCheck {
    SPF, DKIM, DMARC, DNSBL, HELO, BAYES, GREYLISTING;

    /** The lower-case name used in the mailet configuration and the API ("spf", "greylisting"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The check named by {@link #key()}, in any case. */
    public static Optional<SpamCheck> ofKey(String key) {
        if (key == null) return Optional.empty();
        for (SpamCheck c : values()) {
            if (c.key().equalsIgnoreCase(key.strip())) return Optional.of(c);
        }
        return Optional.empty();
    }
}
