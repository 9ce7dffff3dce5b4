package io.tenmail.pop3;

import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The POP3 server's settings, read from the configuration once at start-up ({@link #from}) and
 * validated; an invalid value fails start-up with a message naming the key.
 *
 * @param bindAddress              the address both listeners bind ({@code tenmail.bind-address})
 * @param port                     POP3 with STLS ({@code tenmail.pop3.port}, 110); 0 picks a free port
 * @param tlsPort                  POP3 over implicit TLS ({@code tenmail.pop3s.port}, 995); 0 picks a free port
 * @param allowPlaintextOnLoopback whether USER/PASS and AUTH work without TLS for clients on the
 *                                 loopback interface (local scripts, the benchmark)
 * @param includeJunk              whether the maildrop lists the Junk mailbox after INBOX
 * @param idleTimeout              how long a silent connection stays open; RFC 1939 §3 asks for at
 *                                 least 10 minutes
 * @param workerThreads            the most threads running commands (storage and disk I/O) at once
 */
public record Pop3Settings(String bindAddress, int port, int tlsPort, boolean allowPlaintextOnLoopback,
                           boolean includeJunk, Duration idleTimeout, int workerThreads) {

    public static final String BIND_ADDRESS_KEY = "tenmail.bind-address";
    public static final String PORT_KEY = "tenmail.pop3.port";
    public static final String TLS_PORT_KEY = "tenmail.pop3s.port";
    public static final String ALLOW_PLAINTEXT_ON_LOOPBACK_KEY = "tenmail.pop3.allow-plaintext-on-loopback";
    public static final String INCLUDE_JUNK_KEY = "tenmail.pop3.include-junk";
    public static final String IDLE_TIMEOUT_KEY = "tenmail.pop3.idle-timeout-seconds";
    public static final String WORKER_THREADS_KEY = "tenmail.pop3.worker-threads";

    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 110;
    public static final int DEFAULT_TLS_PORT = 995;
    /** RFC 1939 §3: "an autologout timer ... of at least 10 minutes". */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_WORKER_THREADS = 32;

    public Pop3Settings {
        Objects.requireNonNull(bindAddress, BIND_ADDRESS_KEY);
        if (port < 0 || port > 65535) throw new IllegalArgumentException(PORT_KEY + " must be a port number, was " + port);
        if (tlsPort < 0 || tlsPort > 65535) throw new IllegalArgumentException(TLS_PORT_KEY + " must be a port number, was " + tlsPort);
        if (port != 0 && port == tlsPort) throw new IllegalArgumentException(PORT_KEY + " and " + TLS_PORT_KEY + " are both " + port);
        Objects.requireNonNull(idleTimeout, IDLE_TIMEOUT_KEY);
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException(IDLE_TIMEOUT_KEY + " must be positive");
        if (workerThreads < 1) throw new IllegalArgumentException(WORKER_THREADS_KEY + " must be at least 1, was " + workerThreads);
    }

    /** The defaults, on the given address and ports: what tests start from. */
    public static Pop3Settings defaults(String bindAddress, int port, int tlsPort) {
        return new Pop3Settings(bindAddress, port, tlsPort, true, false, DEFAULT_IDLE_TIMEOUT, DEFAULT_WORKER_THREADS);
    }

    public Pop3Settings withAllowPlaintextOnLoopback(boolean allow) {
        return new Pop3Settings(bindAddress, port, tlsPort, allow, includeJunk, idleTimeout, workerThreads);
    }

    public Pop3Settings withIncludeJunk(boolean include) {
        return new Pop3Settings(bindAddress, port, tlsPort, allowPlaintextOnLoopback, include, idleTimeout, workerThreads);
    }

    public Pop3Settings withIdleTimeout(Duration timeout) {
        return new Pop3Settings(bindAddress, port, tlsPort, allowPlaintextOnLoopback, includeJunk, timeout, workerThreads);
    }

    /**
     * Reads the settings. The listening address and ports are the server-wide keys that deploy's
     * {@code ServerSettings} has validated already (ports distinct across protocols); the rest
     * are ours.
     */
    public static Pop3Settings from(Config config) {
        String bindAddress = string(config, BIND_ADDRESS_KEY).orElse(DEFAULT_BIND_ADDRESS);
        try {
            InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(BIND_ADDRESS_KEY + " must be an IP address of this machine, was \"" + bindAddress + "\"");
        }
        return new Pop3Settings(
                bindAddress,
                integer(config, PORT_KEY, DEFAULT_PORT, 1, 65535),
                integer(config, TLS_PORT_KEY, DEFAULT_TLS_PORT, 1, 65535),
                bool(config, ALLOW_PLAINTEXT_ON_LOOPBACK_KEY, true),
                bool(config, INCLUDE_JUNK_KEY, false),
                Duration.ofSeconds(integer(config, IDLE_TIMEOUT_KEY, (int) DEFAULT_IDLE_TIMEOUT.toSeconds(), 1, 86_400)),
                integer(config, WORKER_THREADS_KEY, DEFAULT_WORKER_THREADS, 1, 1024));
    }

    private static Optional<String> string(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int integer(Config config, String key, int defaultValue, int min, int max) {
        Optional<String> raw = string(config, key);
        if (raw.isEmpty()) return defaultValue;
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", was \"" + raw.get() + "\"");
    }

    private static boolean bool(Config config, String key, boolean defaultValue) {
        Optional<String> raw = string(config, key);
        if (raw.isEmpty()) return defaultValue;
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was \"" + raw.get() + "\"");
        };
    }
}
