package io.tenmail.pop3;

import io.tenmail.protocol.SettingValues;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Objects;

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
        SettingValues values = new SettingValues(config);
        return new Pop3Settings(
                values.address(BIND_ADDRESS_KEY, DEFAULT_BIND_ADDRESS),
                values.integer(PORT_KEY, DEFAULT_PORT, 1, 65535),
                values.integer(TLS_PORT_KEY, DEFAULT_TLS_PORT, 1, 65535),
                values.bool(ALLOW_PLAINTEXT_ON_LOOPBACK_KEY, true),
                values.bool(INCLUDE_JUNK_KEY, false),
                Duration.ofSeconds(values.integer(IDLE_TIMEOUT_KEY, (int) DEFAULT_IDLE_TIMEOUT.toSeconds(), 1, 86_400)),
                values.integer(WORKER_THREADS_KEY, DEFAULT_WORKER_THREADS, 1, 1024));
    }
}
