package io.tenmail.admin;

import io.tenmail.admin.autoconfig.MailEndpoints;
import io.tenmail.storage.model.PasswordPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the admin HTTP server listens and the platform's password policy, read and validated
 * once at start-up by the composition root. Tests build it directly, usually with port 0 (an
 * ephemeral port).
 *
 * @param bindAddress    the local address to listen on ({@value #BIND_ADDRESS_KEY})
 * @param port           the TCP port, 0 for any free port ({@value #PORT_KEY})
 * @param passwordPolicy the platform default every tenant may tighten ({@value #PASSWORD_MIN_LENGTH_KEY},
 *                       {@value #PASSWORD_MIN_CLASSES_KEY})
 * @param mail           where mail clients reach this server, for the client autoconfiguration
 *                       endpoints; empty: those endpoints are not served
 */
public record AdminSettings(String bindAddress, int port, PasswordPolicy passwordPolicy, Optional<MailEndpoints> mail) {
    /** Configuration key of {@link #port()}. */
    public static final String PORT_KEY = "tenmail.http.port";
    /** Configuration key of {@link #bindAddress()}. */
    public static final String BIND_ADDRESS_KEY = "tenmail.http.bind-address";
    public static final String PASSWORD_MIN_LENGTH_KEY = "tenmail.admin.password-min-length";
    public static final String PASSWORD_MIN_CLASSES_KEY = "tenmail.admin.password-min-classes";
    /**
     * NIST SP 800-63B §5.1.1.2: at least 8 characters and no composition rules by default; a
     * tenant that wants character classes tightens it.
     */
    public static final PasswordPolicy DEFAULT_PASSWORD_POLICY = new PasswordPolicy(8, 1);

    public AdminSettings {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException(BIND_ADDRESS_KEY + " must name a local address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        bindAddress = bindAddress.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT_KEY + " must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        Objects.requireNonNull(mail, "mail");
    }

    /** With the default password policy and no client autoconfiguration. */
    public AdminSettings(String bindAddress, int port) {
        this(bindAddress, port, DEFAULT_PASSWORD_POLICY, Optional.empty());
    }

    /**
     * The platform password policy from its two configuration values, each failing with the key's
     * name when out of range.
     */
    public static PasswordPolicy passwordPolicy(int minLength, int minClasses) {
        if (minLength < 1 || minLength > PasswordPolicy.MAX_LENGTH) {
            throw new IllegalArgumentException(PASSWORD_MIN_LENGTH_KEY + " must be between 1 and " + PasswordPolicy.MAX_LENGTH
                    + ", not " + minLength);
        }
        if (minClasses < 1 || minClasses > PasswordPolicy.CLASSES) {
            throw new IllegalArgumentException(PASSWORD_MIN_CLASSES_KEY + " must be between 1 and " + PasswordPolicy.CLASSES
                    + ", not " + minClasses);
        }
        return new PasswordPolicy(minLength, minClasses);
    }
}
