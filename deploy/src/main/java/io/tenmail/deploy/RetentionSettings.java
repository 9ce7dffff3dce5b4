package io.tenmail.deploy;

import io.tenmail.storage.retention.RetentionSweeper;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the rows that only grow are kept ({@link RetentionSweeper}):
 * {@value #GREYLIST_DAYS} (default 36, the Greylisting mailet's default memory; keep it at least
 * that mailet's {@code memoryDays}), {@value #TRAFFIC_DAYS} (default 400: a year of the
 * dashboard's daily counts and a month more) and {@value #RARE_BAYES_TOKEN_DAYS} (default 180: a
 * Bayes feature counted for one message only, untrained for half a year). 0 keeps a table's rows
 * forever; at most 10 years.
 */
final class RetentionSettings {
    static final String GREYLIST_DAYS = "tenmail.retention.greylist-days";
    static final String TRAFFIC_DAYS = "tenmail.retention.traffic-days";
    static final String RARE_BAYES_TOKEN_DAYS = "tenmail.retention.rare-bayes-token-days";
    private static final int MAX_DAYS = 3653;

    private RetentionSettings() {
    }

    static RetentionSweeper.Retention from(Config config) {
        return new RetentionSweeper.Retention(
                Duration.ofDays(days(config, GREYLIST_DAYS, RetentionSweeper.Retention.DEFAULTS.greylist().toDays())),
                Duration.ofDays(days(config, TRAFFIC_DAYS, RetentionSweeper.Retention.DEFAULTS.traffic().toDays())),
                Duration.ofDays(days(config, RARE_BAYES_TOKEN_DAYS, RetentionSweeper.Retention.DEFAULTS.rareBayesTokens().toDays())));
    }

    private static long days(Config config, String key, long defaultDays) {
        Optional<String> raw = config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) return defaultDays;
        try {
            long days = Long.parseLong(raw.get());
            if (days >= 0 && days <= MAX_DAYS) return days;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(key, "must be a number of days from 0 (keep forever) to " + MAX_DAYS + ", was \"" + raw.get() + "\"");
    }
}
