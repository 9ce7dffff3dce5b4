package io.tenmail.smtp;

import io.tenmail.protocol.InvalidSettingException;
import io.tenmail.protocol.SettingValues;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.wire.CommandLineDecoder;
import io.tenmail.smtp.wire.DataReader.BareLineEndings;
import io.tenmail.storage.model.EmailAddress;
import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMTP server's settings, read from the configuration once at start-up ({@link #from}) and
 * validated; a bad value fails start-up with an {@link InvalidSettingException} whose message
 * starts with the key. Tests build them with {@link #builder}.
 *
 * @param hostname                 the server's name: greeting, EHLO, Received headers, Message-IDs
 * @param bindAddress              the address the three listeners bind
 * @param mxPort                   MX (mail from other servers), STARTTLS offered; 0: any free port
 * @param submissionPort           submission (RFC 6409), STARTTLS, AUTH required; 0: any free port
 * @param smtpsPort                submission over implicit TLS (RFC 8314), AUTH required; 0: any free port
 * @param maxMessageSizeBytes      the SIZE limit (RFC 1870), advertised and enforced while the data streams
 * @param maxRecipients            RCPT commands accepted per message; more get 452 4.5.3
 * @param maxConnections           open connections across the three listeners
 * @param maxConnectionsPerAddress open connections from one client address (IPv6: per /64)
 * @param idleTimeout              a connection silent this long gets 421 4.4.2 and is closed
 * @param maxBadCommands           syntax errors, unknown or misplaced commands and failed logins
 *                                 tolerated per connection; then 421 4.7.0
 * @param maxCommandsPerConnection commands per connection; then 421 4.7.0
 * @param maxLineOctets            the longest command line, CRLF included (RFC 5321 §4.5.3.1.4: at least 512)
 * @param bareLineEndings          what DATA does with a bare CR or LF (ADR 0005)
 * @param mxAuth                   whether the MX listener offers AUTH (only ever after STARTTLS)
 * @param postmaster               where mail to {@code <Postmaster>} without a domain goes (RFC 5321 §4.5.1)
 * @param workerThreads            threads that run sessions (they block on the database and the disk)
 * @param spoolDir                 where message data larger than the in-memory spool waits for the blob store
 */
public record SmtpSettings(String hostname, String bindAddress, int mxPort, int submissionPort, int smtpsPort,
                           long maxMessageSizeBytes, int maxRecipients, int maxConnections, int maxConnectionsPerAddress,
                           Duration idleTimeout, int maxBadCommands, int maxCommandsPerConnection, int maxLineOctets,
                           BareLineEndings bareLineEndings, boolean mxAuth, EmailAddress postmaster, int workerThreads,
                           Path spoolDir) {

    public static final String HOSTNAME = "tenmail.hostname";
    public static final String BIND_ADDRESS = "tenmail.bind-address";
    public static final String DATA_DIR = "tenmail.data.dir";
    public static final String MX_PORT = "tenmail.smtp.port";
    public static final String SUBMISSION_PORT = "tenmail.submission.port";
    public static final String SMTPS_PORT = "tenmail.smtps.port";
    public static final String MAX_MESSAGE_SIZE = "tenmail.smtp.max-message-size-bytes";
    public static final String MAX_RECIPIENTS = "tenmail.smtp.max-recipients";
    public static final String MAX_CONNECTIONS = "tenmail.smtp.max-connections";
    public static final String MAX_CONNECTIONS_PER_ADDRESS = "tenmail.smtp.max-connections-per-address";
    public static final String IDLE_TIMEOUT = "tenmail.smtp.idle-timeout-seconds";
    public static final String MAX_BAD_COMMANDS = "tenmail.smtp.max-bad-commands";
    public static final String MAX_COMMANDS = "tenmail.smtp.max-commands-per-connection";
    public static final String MAX_LINE_OCTETS = "tenmail.smtp.max-line-octets";
    public static final String BARE_LINE_ENDINGS = "tenmail.smtp.bare-line-endings";
    public static final String MX_AUTH = "tenmail.smtp.mx-auth";
    public static final String POSTMASTER = "tenmail.smtp.postmaster";
    public static final String WORKER_THREADS = "tenmail.smtp.worker-threads";

    /** 50 MiB: what the large providers accept, base64 overhead included. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 50L * 1024 * 1024;
    /** RFC 5321 §4.5.3.1.8 asks for at least 100. */
    public static final int DEFAULT_MAX_RECIPIENTS = 500;
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 50;
    /** RFC 5321 §4.5.3.2.7: the server timeout is at least 5 minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_BAD_COMMANDS = 20;
    public static final int DEFAULT_MAX_COMMANDS = 10_000;
    public static final int DEFAULT_WORKER_THREADS = 64;

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public SmtpSettings {
        require(hostname != null && HOST_NAME.matcher(hostname).matches(), HOSTNAME, "must be a DNS host name such as mail.example.com, was \"" + hostname + "\"");
        Objects.requireNonNull(bindAddress, BIND_ADDRESS);
        port(MX_PORT, mxPort);
        port(SUBMISSION_PORT, submissionPort);
        port(SMTPS_PORT, smtpsPort);
        require(maxMessageSizeBytes >= 1024, MAX_MESSAGE_SIZE, "must be at least 1024");
        require(maxRecipients >= 1, MAX_RECIPIENTS, "must be at least 1");
        require(maxConnections >= 1, MAX_CONNECTIONS, "must be at least 1");
        require(maxConnectionsPerAddress >= 1, MAX_CONNECTIONS_PER_ADDRESS, "must be at least 1");
        Objects.requireNonNull(idleTimeout, IDLE_TIMEOUT);
        require(!idleTimeout.isNegative() && idleTimeout.toSeconds() >= 1, IDLE_TIMEOUT, "must be at least 1 second");
        require(maxBadCommands >= 1, MAX_BAD_COMMANDS, "must be at least 1");
        require(maxCommandsPerConnection >= 10, MAX_COMMANDS, "must be at least 10");
        require(maxLineOctets >= 512 && maxLineOctets <= CommandLineDecoder.SASL_MAX_LINE_OCTETS, MAX_LINE_OCTETS,
                "must be from 512 to " + CommandLineDecoder.SASL_MAX_LINE_OCTETS);
        Objects.requireNonNull(bareLineEndings, BARE_LINE_ENDINGS);
        Objects.requireNonNull(postmaster, POSTMASTER);
        require(workerThreads >= 2 && workerThreads <= 1024, WORKER_THREADS, "must be from 2 to 1024");
        Objects.requireNonNull(spoolDir, DATA_DIR);
    }

    /** The listener of a role: name for logs, address, port, TLS mode and the key that sets the port. */
    public ListenerSpec listener(ListenerRole role) {
        return switch (role) {
            case MX -> new ListenerSpec(role.protocolName(), bindAddress, mxPort, role.tlsMode(), MX_PORT);
            case SUBMISSION -> new ListenerSpec(role.protocolName(), bindAddress, submissionPort, role.tlsMode(), SUBMISSION_PORT);
            case SMTPS -> new ListenerSpec(role.protocolName(), bindAddress, smtpsPort, role.tlsMode(), SMTPS_PORT);
        };
    }

    /** Reads every key (section "SMTP" of conf/tenmail.properties) and validates it. */
    public static SmtpSettings from(Config config) {
        Values v = new Values(config);
        String hostname = v.hostname();
        Path dataDir = v.path(DATA_DIR).orElse(Path.of(System.getProperty("java.io.tmpdir"), "tenmail"));
        Builder b = builder(hostname, dataDir.resolve("spool").resolve("smtp"));
        b.bindAddress(v.address(BIND_ADDRESS, "0.0.0.0"));
        b.ports(v.integer(MX_PORT, 25, 1, 65535), v.integer(SUBMISSION_PORT, 587, 1, 65535), v.integer(SMTPS_PORT, 465, 1, 65535));
        b.maxMessageSizeBytes(v.longValue(MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE, 1024, Long.MAX_VALUE / 2));
        b.maxRecipients(v.integer(MAX_RECIPIENTS, DEFAULT_MAX_RECIPIENTS, 1, 100_000));
        b.maxConnections(v.integer(MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS, 1, 1_000_000));
        b.maxConnectionsPerAddress(v.integer(MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000));
        b.idleTimeout(Duration.ofSeconds(v.integer(IDLE_TIMEOUT, (int) DEFAULT_IDLE_TIMEOUT.toSeconds(), 1, 86_400)));
        b.maxBadCommands(v.integer(MAX_BAD_COMMANDS, DEFAULT_MAX_BAD_COMMANDS, 1, 10_000));
        b.maxCommandsPerConnection(v.integer(MAX_COMMANDS, DEFAULT_MAX_COMMANDS, 10, Integer.MAX_VALUE));
        b.maxLineOctets(v.integer(MAX_LINE_OCTETS, CommandLineDecoder.DEFAULT_MAX_LINE_OCTETS, 512, CommandLineDecoder.SASL_MAX_LINE_OCTETS));
        b.bareLineEndings(v.bareLineEndings());
        b.mxAuth(v.bool(MX_AUTH, true));
        b.postmaster(v.mailAddress(POSTMASTER, "postmaster@" + hostname));
        b.workerThreads(v.integer(WORKER_THREADS, DEFAULT_WORKER_THREADS, 2, 1024));
        return b.build();
    }

    /** Defaults for everything but the host name and spool directory; listeners on port 0 of 127.0.0.1. */
    public static Builder builder(String hostname, Path spoolDir) {
        return new Builder(hostname, spoolDir);
    }

    /** A builder holding these settings, to change a few. */
    public Builder toBuilder() {
        return builder(hostname, spoolDir).bindAddress(bindAddress).ports(mxPort, submissionPort, smtpsPort)
                .maxMessageSizeBytes(maxMessageSizeBytes).maxRecipients(maxRecipients).maxConnections(maxConnections)
                .maxConnectionsPerAddress(maxConnectionsPerAddress).idleTimeout(idleTimeout).maxBadCommands(maxBadCommands)
                .maxCommandsPerConnection(maxCommandsPerConnection).maxLineOctets(maxLineOctets)
                .bareLineEndings(bareLineEndings).mxAuth(mxAuth).postmaster(postmaster).workerThreads(workerThreads);
    }

    /** Mutable collector of settings; {@link #build()} validates. */
    public static final class Builder {
        private final String hostname;
        private final Path spoolDir;
        private String bindAddress = "127.0.0.1";
        private int mxPort;
        private int submissionPort;
        private int smtpsPort;
        private long maxMessageSizeBytes = DEFAULT_MAX_MESSAGE_SIZE;
        private int maxRecipients = DEFAULT_MAX_RECIPIENTS;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxBadCommands = DEFAULT_MAX_BAD_COMMANDS;
        private int maxCommandsPerConnection = DEFAULT_MAX_COMMANDS;
        private int maxLineOctets = CommandLineDecoder.DEFAULT_MAX_LINE_OCTETS;
        private BareLineEndings bareLineEndings = BareLineEndings.REJECT;
        private boolean mxAuth = true;
        private EmailAddress postmaster;
        private int workerThreads = DEFAULT_WORKER_THREADS;

        private Builder(String hostname, Path spoolDir) {
            this.hostname = hostname;
            this.spoolDir = spoolDir;
        }

        public Builder bindAddress(String value) { this.bindAddress = value; return this; }
        public Builder ports(int mx, int submission, int smtps) { mxPort = mx; submissionPort = submission; smtpsPort = smtps; return this; }
        public Builder maxMessageSizeBytes(long value) { this.maxMessageSizeBytes = value; return this; }
        public Builder maxRecipients(int value) { this.maxRecipients = value; return this; }
        public Builder maxConnections(int value) { this.maxConnections = value; return this; }
        public Builder maxConnectionsPerAddress(int value) { this.maxConnectionsPerAddress = value; return this; }
        public Builder idleTimeout(Duration value) { this.idleTimeout = value; return this; }
        public Builder maxBadCommands(int value) { this.maxBadCommands = value; return this; }
        public Builder maxCommandsPerConnection(int value) { this.maxCommandsPerConnection = value; return this; }
        public Builder maxLineOctets(int value) { this.maxLineOctets = value; return this; }
        public Builder bareLineEndings(BareLineEndings value) { this.bareLineEndings = value; return this; }
        public Builder mxAuth(boolean value) { this.mxAuth = value; return this; }
        public Builder postmaster(EmailAddress value) { this.postmaster = value; return this; }
        public Builder workerThreads(int value) { this.workerThreads = value; return this; }

        public SmtpSettings build() {
            EmailAddress pm = postmaster != null ? postmaster : new EmailAddress("postmaster", hostname);
            return new SmtpSettings(hostname, bindAddress, mxPort, submissionPort, smtpsPort, maxMessageSizeBytes, maxRecipients,
                    maxConnections, maxConnectionsPerAddress, idleTimeout, maxBadCommands, maxCommandsPerConnection, maxLineOctets,
                    bareLineEndings, mxAuth, pm, workerThreads, spoolDir);
        }
    }

    private static void require(boolean ok, String key, String rule) {
        if (!ok) throw new InvalidSettingException(key, key + " " + rule);
    }

    private static void port(String key, int port) {
        require(port >= 0 && port <= 65535, key, "must be a port number from 1 to 65535, was " + port);
    }

    /** Typed reads whose errors name the key and the value: the shared ones, and SMTP's own. */
    private record Values(Config config) {
        private SettingValues common() {
            return new SettingValues(config);
        }

        Optional<String> raw(String key) {
            return common().raw(key);
        }

        int integer(String key, int defaultValue, int min, int max) {
            return common().integer(key, defaultValue, min, max);
        }

        long longValue(String key, long defaultValue, long min, long max) {
            return common().longValue(key, defaultValue, min, max);
        }

        boolean bool(String key, boolean defaultValue) {
            return common().bool(key, defaultValue);
        }

        String address(String key, String defaultValue) {
            return common().address(key, defaultValue);
        }

        Optional<Path> path(String key) {
            Optional<String> raw = raw(key);
            try {
                return raw.map(r -> Path.of(r).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                throw new InvalidSettingException(key, key + " must be a directory path, was \"" + raw.orElse("") + "\"");
            }
        }

        String hostname() {
            Optional<String> raw = raw(HOSTNAME);
            if (raw.isEmpty()) return localHostName();
            String name = raw.get().toLowerCase(Locale.ROOT);
            if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
            require(HOST_NAME.matcher(name).matches(), HOSTNAME, "must be a DNS host name such as mail.example.com, was \"" + raw.get() + "\"");
            return name;
        }


        EmailAddress mailAddress(String key, String defaultValue) {
            String value = raw(key).orElse(defaultValue);
            try {
                return EmailAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(key, key + " must be a mail address such as postmaster@example.com, was \"" + value + "\"");
            }
        }

        BareLineEndings bareLineEndings() {
            Optional<String> raw = raw(BARE_LINE_ENDINGS);
            if (raw.isEmpty()) return BareLineEndings.REJECT;
            return switch (raw.get().toLowerCase(Locale.ROOT)) {
                case "reject" -> BareLineEndings.REJECT;
                case "normalize" -> BareLineEndings.NORMALIZE;
                default -> throw new InvalidSettingException(BARE_LINE_ENDINGS, BARE_LINE_ENDINGS + " must be reject or normalize, was \"" + raw.get() + "\"");
            };
        }

        static String localHostName() {
            try {
                String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
                return HOST_NAME.matcher(name).matches() ? name : "localhost";
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
