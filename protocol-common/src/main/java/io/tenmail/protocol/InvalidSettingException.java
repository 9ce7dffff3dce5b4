package io.tenmail.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A protocol module's configuration value is missing, malformed or out of range. The message
 * starts with the key and is meant for the operator as it is, e.g. {@code
 * tenmail.smtp.max-recipients must be a whole number from 1 to 100000, was "lots"}. Thrown while
 * a module reads its settings record; CDI may wrap it, so the composition root looks for it with
 * {@link #in(Throwable)} and reports it as a configuration error, without a stack trace.
 */
public class InvalidSettingException extends IllegalArgumentException {
    private final String key;

    public InvalidSettingException(String key, String message) {
        super(message);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The configuration key at fault. */
    public String key() {
        return key;
    }

    /** The invalid setting behind {@code failure}, if that is what it is. */
    public static Optional<InvalidSettingException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) return Optional.of(invalid);
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }
}
