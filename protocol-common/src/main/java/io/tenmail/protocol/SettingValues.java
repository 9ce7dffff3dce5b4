package io.tenmail.protocol;

import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of configuration values for the protocol modules' settings records. Blank values
 * count as absent; a malformed or out-of-range value is an {@link InvalidSettingException} naming
 * the key and the value, which the composition root reports in one line.
 */
public record SettingValues(Config config) {

    public Optional<String> raw(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) longValue(key, defaultValue, min, max);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) return defaultValue;
        try {
            long value = Long.parseLong(raw.get());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new InvalidSettingException(key, key + " must be a whole number from " + min + " to " + max + ", was \"" + raw.get() + "\"");
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) return defaultValue;
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InvalidSettingException(key, key + " must be true or false, was \"" + raw.get() + "\"");
        };
    }

    /** An address of this machine to bind to. */
    public String address(String key, String defaultValue) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) return defaultValue;
        try {
            InetAddress.getByName(raw.get());
            return raw.get();
        } catch (UnknownHostException | SecurityException e) {
            throw new InvalidSettingException(key, key + " must be an IP address of this machine, was \"" + raw.get() + "\"");
        }
    }
}
