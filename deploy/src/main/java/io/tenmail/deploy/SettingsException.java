package io.tenmail.deploy;

/**
 * A configuration value is missing, malformed or inconsistent. The message starts with the key
 * and is shown to the operator as it is, e.g.
 * {@code tenmail.smtp.port must be a port number from 1 to 65535, was "25x" (environment variable TENMAIL_SMTP_PORT)}.
 */
public class SettingsException extends RuntimeException {
    private final String key;

    public SettingsException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The configuration key at fault. */
    public String key() {
        return key;
    }
}
