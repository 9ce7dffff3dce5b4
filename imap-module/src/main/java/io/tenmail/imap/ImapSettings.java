package io.tenmail.imap;

import io.tenmail.protocol.SettingValues;
import io.tenmail.imap.wire.ReaderLimits;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.protocol.TlsMode;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Objects;

/**
 * The IMAP server's settings, read once at start-up by {@link #from(Config)} and validated; a bad
 * value fails start-up with a message naming the key. The listener keys ({@code tenmail.bind-address},
 * {@code tenmail.imap.port}, {@code tenmail.imaps.port}) are the ones deploy's ServerSettings
 * validates as a whole (distinct ports); they are read here with the same defaults.
 *
 * @param bindAddress                 address both listeners bind
 * @param imapPort                    STARTTLS port (143); 0 binds a free port (tests), -1 disables it
 * @param imapsPort                   implicit-TLS port (993); 0 binds a free port, -1 disables it
 * @param allowPlaintextOnLoopback    accept LOGIN/AUTHENTICATE without TLS from a loopback address
 *                                    (benchmarks and local tools); never from other addresses
 * @param loginTimeout                inactivity before login ends the connection
 * @param idleTimeout                 inactivity after login; RFC 9051 §5.4: at least 30 minutes
 * @param limits                      line, literal and nesting limits of the request reader
 * @param workerThreads               threads that run commands (storage and disk work) off the I/O threads
 * @param hostname                    server name for the greeting
 */
public record ImapSettings(String bindAddress, int imapPort, int imapsPort, boolean allowPlaintextOnLoopback,
                           Duration loginTimeout, Duration idleTimeout, ReaderLimits limits, int workerThreads,
                           String hostname) {

    public static final String BIND_ADDRESS = "tenmail.bind-address";
    public static final String HOSTNAME = "tenmail.hostname";
    public static final String IMAP_PORT = "tenmail.imap.port";
    public static final String IMAPS_PORT = "tenmail.imaps.port";
    public static final String ALLOW_PLAINTEXT_ON_LOOPBACK = "tenmail.imap.allow-plaintext-on-loopback";
    public static final String LOGIN_TIMEOUT = "tenmail.imap.login-timeout-seconds";
    public static final String IDLE_TIMEOUT = "tenmail.imap.idle-timeout-seconds";
    public static final String MAX_MESSAGE_SIZE = "tenmail.imap.max-message-size-bytes";
    public static final String MAX_LINE = "tenmail.imap.max-line-bytes";
    public static final String WORKER_THREADS = "tenmail.imap.worker-threads";

    /** RFC 9051 §5.4: the autologout timer after login is at least 30 minutes. */
    public static final Duration MIN_IDLE_TIMEOUT = Duration.ofMinutes(30);

    public ImapSettings {
        Objects.requireNonNull(bindAddress, BIND_ADDRESS);
        Objects.requireNonNull(loginTimeout, LOGIN_TIMEOUT);
        Objects.requireNonNull(idleTimeout, IDLE_TIMEOUT);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(hostname, HOSTNAME);
        if (loginTimeout.isNegative() || loginTimeout.isZero()) throw new IllegalArgumentException(LOGIN_TIMEOUT + " must be positive");
        if (idleTimeout.compareTo(MIN_IDLE_TIMEOUT) < 0) {
            throw new IllegalArgumentException(IDLE_TIMEOUT + " must be at least 1800 (RFC 9051 §5.4), was " + idleTimeout.toSeconds());
        }
        if (workerThreads < 1) throw new IllegalArgumentException(WORKER_THREADS + " must be at least 1");
    }

    /** Defaults for tests: loopback, free ports, plaintext on loopback allowed. */
    public static ImapSettings forTests() {
        return new ImapSettings("127.0.0.1", 0, 0, true, Duration.ofSeconds(120), MIN_IDLE_TIMEOUT,
                ReaderLimits.DEFAULT, 8, "localhost");
    }

    /** Reads and validates the keys; an {@code InvalidSettingException} names a bad key. */
    public static ImapSettings from(Config config) {
        SettingValues values = new SettingValues(config);
        String bind = values.address(BIND_ADDRESS, "0.0.0.0");
        String hostname = values.raw(HOSTNAME).orElse("localhost");
        int imap = values.integer(IMAP_PORT, 143, 0, 65535);
        int imaps = values.integer(IMAPS_PORT, 993, 0, 65535);
        boolean loopback = values.bool(ALLOW_PLAINTEXT_ON_LOOPBACK, true);
        long login = values.longValue(LOGIN_TIMEOUT, 120, 1, 86_400);
        long idle = values.longValue(IDLE_TIMEOUT, 1800, 1800, 7 * 86_400);
        long maxMessage = values.longValue(MAX_MESSAGE_SIZE, ReaderLimits.DEFAULT.maxLiteralOctets(), 1024, 2L * 1024 * 1024 * 1024);
        long maxLine = values.longValue(MAX_LINE, ReaderLimits.DEFAULT.maxLineOctets(), 1024, 16 * 1024 * 1024);
        int threads = values.integer(WORKER_THREADS, Math.max(32, Runtime.getRuntime().availableProcessors() * 8), 1, 1024);
        ReaderLimits d = ReaderLimits.DEFAULT;
        ReaderLimits limits = new ReaderLimits((int) maxLine, maxMessage, d.maxStringLiteralOctets(), d.maxLiterals(),
                d.maxNesting(), d.literalMinus());
        return new ImapSettings(bind, imap, imaps, loopback, Duration.ofSeconds(login), Duration.ofSeconds(idle), limits,
                threads, hostname);
    }


    /** The STARTTLS listener, if enabled. */
    public ListenerSpec imapListener() {
        return new ListenerSpec("imap", bindAddress, imapPort, TlsMode.STARTTLS, IMAP_PORT);
    }

    /** The implicit-TLS listener, if enabled. */
    public ListenerSpec imapsListener() {
        return new ListenerSpec("imaps", bindAddress, imapsPort, TlsMode.IMPLICIT, IMAPS_PORT);
    }

    public ImapSettings withPorts(int imap, int imaps) {
        return new ImapSettings(bindAddress, imap, imaps, allowPlaintextOnLoopback, loginTimeout, idleTimeout, limits,
                workerThreads, hostname);
    }

    public ImapSettings withAllowPlaintextOnLoopback(boolean allow) {
        return new ImapSettings(bindAddress, imapPort, imapsPort, allow, loginTimeout, idleTimeout, limits, workerThreads, hostname);
    }
}
