package io.tenmail.smtp.remote;

import io.tenmail.protocol.InvalidSettingException;
import io.tenmail.protocol.SecretFiles;
import io.tenmail.protocol.SettingValues;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.remote.MailTransaction.EightBitPolicy;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remote delivery's settings, read once from the configuration ({@link #from}) and validated; a
 * bad value fails start-up with an {@link InvalidSettingException} naming the key. Tests use
 * {@link #builder}.
 *
 * @param heloName                    the name we give in EHLO: {@code tenmail.hostname}, as the SMTP server uses
 * @param routes                      static routes and the smart host
 * @param dnsServers                  DNS servers for MX lookups; empty for the system's
 * @param dnsTimeout                  how long one DNS query may take
 * @param port                        the port of MX hosts and of route hosts without one (Postfix's smtp_tcp_port)
 * @param mxTls                       TLS towards MX hosts and domain routes
 * @param smartHost                   TLS and credentials towards the smart host
 * @param trustedCertificates         PEM file of certificates trusted for verified TLS; empty for the JDK's CAs
 *                                    (this and the password file: relative paths are relative to the data directory)
 * @param retrySchedule               retry intervals, maximum age, delay notice
 * @param timeouts                    RFC 5321 §4.5.3.2 timeouts
 * @param workerThreads               connections open at once across all mails
 * @param maxRecipientsPerTransaction RCPTs per transaction (RFC 5321 §4.5.3.1.8: servers take at least 100)
 * @param eightBitPolicy              8-bit mail to a server without 8BITMIME
 */
public record RemoteDeliverySettings(String heloName, RouteTable routes, List<HostPort> dnsServers, Duration dnsTimeout, int port,
                                     TlsPolicy mxTls, SmartHost smartHost, Optional<Path> trustedCertificates,
                                     RetrySchedule retrySchedule, SmtpTimeouts timeouts, int workerThreads,
                                     int maxRecipientsPerTransaction, EightBitPolicy eightBitPolicy) {
    private static final Logger log = LoggerFactory.getLogger(RemoteDeliverySettings.class);

    public static final String DNS_RESOLVERS = "tenmail.dns.resolvers";
    public static final String DNS_TIMEOUT = "tenmail.dns.timeout-seconds";
    public static final String PORT = "tenmail.remote.port";
    public static final String ROUTES = "tenmail.remote.routes";
    public static final String MX_TLS = "tenmail.remote.tls";
    public static final String SMART_HOST_TLS = "tenmail.remote.smart-host.tls";
    public static final String SMART_HOST_IMPLICIT_TLS = "tenmail.remote.smart-host.implicit-tls";
    public static final String SMART_HOST_USERNAME = "tenmail.remote.smart-host.username";
    public static final String SMART_HOST_PASSWORD_FILE = "tenmail.remote.smart-host.password-file";
    public static final String TRUSTED_CERTIFICATES = "tenmail.remote.trusted-certificates";
    public static final String RETRY_SCHEDULE = "tenmail.remote.retry-schedule";
    public static final String MAX_AGE = "tenmail.remote.max-age-hours";
    public static final String DELAY_NOTICE = "tenmail.remote.delay-notice-hours";
    public static final String CONNECT_TIMEOUT = "tenmail.remote.connect-timeout-seconds";
    public static final String COMMAND_TIMEOUT = "tenmail.remote.command-timeout-seconds";
    public static final String DATA_START_TIMEOUT = "tenmail.remote.data-start-timeout-seconds";
    public static final String DATA_BLOCK_TIMEOUT = "tenmail.remote.data-block-timeout-seconds";
    public static final String DATA_END_TIMEOUT = "tenmail.remote.data-end-timeout-seconds";
    public static final String WORKER_THREADS = "tenmail.remote.worker-threads";
    public static final String MAX_RECIPIENTS = "tenmail.remote.max-recipients-per-transaction";
    public static final String EIGHT_BIT = "tenmail.remote.8bit-without-8bitmime";

    public static final Duration DEFAULT_DNS_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_WORKER_THREADS = 16;
    public static final int DEFAULT_MAX_RECIPIENTS = 100;

    public RemoteDeliverySettings {
        Objects.requireNonNull(heloName, SmtpSettings.HOSTNAME);
        Objects.requireNonNull(routes, ROUTES);
        dnsServers = List.copyOf(dnsServers);
        Objects.requireNonNull(dnsTimeout, DNS_TIMEOUT);
        Objects.requireNonNull(mxTls, MX_TLS);
        Objects.requireNonNull(smartHost, SMART_HOST_TLS);
        Objects.requireNonNull(trustedCertificates, TRUSTED_CERTIFICATES);
        Objects.requireNonNull(retrySchedule, RETRY_SCHEDULE);
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(eightBitPolicy, EIGHT_BIT);
        if (port < 1 || port > 65535) throw new InvalidSettingException(PORT, PORT + " must be a port number from 1 to 65535");
        if (workerThreads < 1 || workerThreads > 1024) throw new InvalidSettingException(WORKER_THREADS, WORKER_THREADS + " must be from 1 to 1024");
        if (maxRecipientsPerTransaction < 1) throw new InvalidSettingException(MAX_RECIPIENTS, MAX_RECIPIENTS + " must be at least 1");
    }

    /** Reads every key (section "Remote delivery" of conf/tenmail.properties) and validates it. */
    public static RemoteDeliverySettings from(Config config) {
        SettingValues v = new SettingValues(config);
        String helo = SmtpSettings.from(config).hostname();
        boolean implicitTls = v.bool(SMART_HOST_IMPLICIT_TLS, false);
        int port = v.integer(PORT, 25, 1, 65535);
        RouteTable routes = parse(v, ROUTES, "", s -> RouteTable.parse(s, port, implicitTls ? 465 : 587));
        List<HostPort> dns = parse(v, DNS_RESOLVERS, "", RemoteDeliverySettings::servers);
        TlsPolicy mxTls = parse(v, MX_TLS, "may", TlsPolicy::parse);
        TlsPolicy smartTls = parse(v, SMART_HOST_TLS, "verify", TlsPolicy::parse);
        Optional<Path> dataDir = v.raw(SmtpSettings.DATA_DIR).map(Path::of);
        Optional<SmtpCredentials> credentials = credentials(v, dataDir);
        SmartHost smartHost;
        try {
            smartHost = new SmartHost(smartTls, implicitTls, credentials);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SMART_HOST_TLS, SMART_HOST_TLS + ": " + e.getMessage());
        }
        Optional<Path> trusted = v.raw(TRUSTED_CERTIFICATES).map(f -> inDataDir(f, dataDir));
        trusted.ifPresent(p -> {
            if (!Files.isReadable(p)) throw new InvalidSettingException(TRUSTED_CERTIFICATES, TRUSTED_CERTIFICATES + " names no readable file: " + p);
        });
        List<Duration> intervals = parse(v, RETRY_SCHEDULE, RetrySchedule.DEFAULT_INTERVALS, RetrySchedule::parseIntervals);
        Duration maxAge = Duration.ofHours(v.integer(MAX_AGE, (int) RetrySchedule.DEFAULT_MAX_AGE.toHours(), 1, 24 * 60));
        int delayHours = v.integer(DELAY_NOTICE, (int) RetrySchedule.DEFAULT_DELAY_NOTICE.toHours(), 0, 24 * 60);
        if (delayHours >= maxAge.toHours()) {
            throw new InvalidSettingException(DELAY_NOTICE, DELAY_NOTICE + " must be less than " + MAX_AGE + " (0 sends no delay notice)");
        }
        RetrySchedule schedule = new RetrySchedule(intervals, maxAge, delayHours == 0 ? Optional.empty() : Optional.of(Duration.ofHours(delayHours)));
        SmtpTimeouts rfc = SmtpTimeouts.RFC_5321;
        SmtpTimeouts timeouts = new SmtpTimeouts(seconds(v, CONNECT_TIMEOUT, rfc.connect()), seconds(v, COMMAND_TIMEOUT, rfc.command()),
                seconds(v, DATA_START_TIMEOUT, rfc.dataStart()), seconds(v, DATA_BLOCK_TIMEOUT, rfc.dataBlock()),
                seconds(v, DATA_END_TIMEOUT, rfc.dataEnd()));
        EightBitPolicy eightBit = parse(v, EIGHT_BIT, "send", s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "send" -> EightBitPolicy.SEND_AS_IS;
            case "bounce" -> EightBitPolicy.BOUNCE;
            default -> throw new IllegalArgumentException("must be send or bounce, was \"" + s + "\"");
        });
        return new RemoteDeliverySettings(helo, routes, dns,
                Duration.ofSeconds(v.integer(DNS_TIMEOUT, (int) DEFAULT_DNS_TIMEOUT.toSeconds(), 1, 300)), port, mxTls, smartHost, trusted,
                schedule, timeouts, v.integer(WORKER_THREADS, DEFAULT_WORKER_THREADS, 1, 1024),
                v.integer(MAX_RECIPIENTS, DEFAULT_MAX_RECIPIENTS, 1, 100_000), eightBit);
    }

    /** Defaults for everything but our name: DNS from the system, no routes, the standard schedule. */
    public static Builder builder(String heloName) {
        return new Builder(heloName);
    }

    /** Mutable collector of settings for tests. */
    public static final class Builder {
        private final String heloName;
        private RouteTable routes = RouteTable.empty();
        private List<HostPort> dnsServers = List.of();
        private Duration dnsTimeout = DEFAULT_DNS_TIMEOUT;
        private int port = 25;
        private TlsPolicy mxTls = TlsPolicy.MAY;
        private SmartHost smartHost = SmartHost.standard();
        private Optional<Path> trustedCertificates = Optional.empty();
        private RetrySchedule retrySchedule = RetrySchedule.standard();
        private SmtpTimeouts timeouts = SmtpTimeouts.RFC_5321;
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private int maxRecipientsPerTransaction = DEFAULT_MAX_RECIPIENTS;
        private EightBitPolicy eightBitPolicy = EightBitPolicy.SEND_AS_IS;

        private Builder(String heloName) {
            this.heloName = heloName;
        }

        public Builder routes(RouteTable value) { routes = value; return this; }
        public Builder dnsServers(List<HostPort> value) { dnsServers = value; return this; }
        public Builder dnsTimeout(Duration value) { dnsTimeout = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder mxTls(TlsPolicy value) { mxTls = value; return this; }
        public Builder smartHost(SmartHost value) { smartHost = value; return this; }
        public Builder trustedCertificates(Path value) { trustedCertificates = Optional.of(value); return this; }
        public Builder retrySchedule(RetrySchedule value) { retrySchedule = value; return this; }
        public Builder timeouts(SmtpTimeouts value) { timeouts = value; return this; }
        public Builder workerThreads(int value) { workerThreads = value; return this; }
        public Builder maxRecipientsPerTransaction(int value) { maxRecipientsPerTransaction = value; return this; }
        public Builder eightBitPolicy(EightBitPolicy value) { eightBitPolicy = value; return this; }

        public RemoteDeliverySettings build() {
            return new RemoteDeliverySettings(heloName, routes, dnsServers, dnsTimeout, port, mxTls, smartHost, trustedCertificates,
                    retrySchedule, timeouts, workerThreads, maxRecipientsPerTransaction, eightBitPolicy);
        }
    }

    private static <T> T parse(SettingValues v, String key, String defaultValue, Function<String, T> parser) {
        String raw = v.raw(key).orElse(defaultValue);
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, key + ": " + e.getMessage());
        }
    }

    /** A relative path is relative to the data directory, as for the TLS certificate files. */
    private static Path inDataDir(String file, Optional<Path> dataDir) {
        Path path = Path.of(file);
        return path.isAbsolute() || dataDir.isEmpty() ? path : dataDir.get().resolve(path);
    }

    private static Duration seconds(SettingValues v, String key, Duration defaultValue) {
        return Duration.ofSeconds(v.integer(key, (int) defaultValue.toSeconds(), 1, 86_400));
    }

    private static List<HostPort> servers(String text) {
        List<HostPort> out = new ArrayList<>();
        for (String s : text.split("[,\\s]+")) {
            if (!s.isEmpty()) out.add(HostPort.parse(s, 53));
        }
        return out;
    }

    /** The smart host's user name and the password from its file (first line; the file should be mode 0600). */
    private static Optional<SmtpCredentials> credentials(SettingValues v, Optional<Path> dataDir) {
        Optional<String> user = v.raw(SMART_HOST_USERNAME);
        Optional<String> file = v.raw(SMART_HOST_PASSWORD_FILE);
        if (user.isEmpty() && file.isEmpty()) return Optional.empty();
        if (user.isEmpty()) throw new InvalidSettingException(SMART_HOST_USERNAME, SMART_HOST_USERNAME + " is needed with " + SMART_HOST_PASSWORD_FILE);
        if (file.isEmpty()) throw new InvalidSettingException(SMART_HOST_PASSWORD_FILE, SMART_HOST_PASSWORD_FILE + " is needed with " + SMART_HOST_USERNAME);
        Path path = inDataDir(file.get(), dataDir);
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            String password = content.lines().findFirst().orElse("");
            if (password.isEmpty()) throw new InvalidSettingException(SMART_HOST_PASSWORD_FILE, SMART_HOST_PASSWORD_FILE + ": " + path + " is empty");
            if (SecretFiles.supportsPosix(path)) {
                var perms = Files.getPosixFilePermissions(path);
                if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
                    log.warn("{} ({}) is readable by other users; make it mode 0600", SMART_HOST_PASSWORD_FILE, path);
                }
            }
            return Optional.of(new SmtpCredentials(user.get(), password));
        } catch (IOException e) {
            throw new InvalidSettingException(SMART_HOST_PASSWORD_FILE, SMART_HOST_PASSWORD_FILE + ": cannot read " + path + ": " + e.getMessage());
        }
    }
}
