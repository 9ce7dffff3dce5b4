package io.tenmail.deploy;

import io.tenmail.admin.AdminSettings;
import io.tenmail.pop3.Pop3Settings;
import io.tenmail.protocol.ListenerSpec;
import io.tenmail.protocol.TlsMode;
import io.tenmail.protocol.tls.TlsSettings;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.directory.VerifiedPasswords;
import io.tenmail.storage.model.PasswordPolicy;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The server-wide settings, read from the configuration once at start-up and validated; a bad
 * value fails start-up with a {@link SettingsException} naming the key, the value and where it
 * came from. Everything below Main receives these records, never the {@link Config}.
 *
 * @param dataDir         absolute data directory
 * @param hostname        the server's DNS name, lower case
 * @param bindAddress     the address the mail listeners bind
 * @param httpBindAddress the address the admin console and API bind
 * @param blobSweep       when unreferenced message bodies are deleted
 * @param passwordPolicy  the platform's password policy, which tenants may tighten
 * @param index           the full-text index for IMAP SEARCH (docs/adr/0010-full-text-index.md)
 */
public record ServerSettings(Path dataDir, String hostname, String bindAddress, String httpBindAddress, Ports ports,
                             StorageSettings storage, TlsSettings tls, BlobSweep blobSweep, PasswordPolicy passwordPolicy,
                             FullTextIndex index) {

    public static final String HOSTNAME = "tenmail.hostname";
    public static final String BIND_ADDRESS = "tenmail.bind-address";
    public static final String HTTP_BIND_ADDRESS = AdminSettings.BIND_ADDRESS_KEY;
    public static final String SMTP_PORT = "tenmail.smtp.port";
    public static final String SUBMISSION_PORT = "tenmail.submission.port";
    public static final String SMTPS_PORT = "tenmail.smtps.port";
    public static final String IMAP_PORT = "tenmail.imap.port";
    public static final String IMAPS_PORT = "tenmail.imaps.port";
    public static final String POP3_PORT = Pop3Settings.PORT_KEY;
    public static final String POP3S_PORT = Pop3Settings.TLS_PORT_KEY;
    public static final String HTTP_PORT = AdminSettings.PORT_KEY;
    public static final String DB_URL = "tenmail.db.url";
    public static final String DB_USER = "tenmail.db.user";
    public static final String DB_PASSWORD = "tenmail.db.password";
    public static final String DB_POOL_SIZE = "tenmail.db.pool-size";
    public static final String BLOB_DIR = "tenmail.blob.dir";
    public static final String AUTH_CACHE_TTL = "tenmail.auth.cache-ttl-seconds";
    public static final String DIRECTORY_CACHE_TTL = "tenmail.directory.cache-seconds";
    public static final String BLOB_SWEEP_INTERVAL = "tenmail.blob.sweep-interval-minutes";
    public static final String BLOB_SWEEP_GRACE = "tenmail.blob.sweep-grace-minutes";
    public static final String INDEX_ENABLED = "tenmail.index.enabled";
    public static final String INDEX_DIR = "tenmail.index.dir";
    public static final String INDEX_MAX_TEXT_CHARS = "tenmail.index.max-text-chars";

    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";

    /** RFC 1123 §2.1 host name: letters, digits and hyphens, labels of 1-63 characters. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** The listening ports; each key's default is the IANA port of the service. */
    public record Ports(int smtp, int submission, int smtps, int imap, int imaps, int pop3, int pop3s, int http) {
        public static final Ports DEFAULTS = new Ports(25, 587, 465, 143, 993, Pop3Settings.DEFAULT_PORT, Pop3Settings.DEFAULT_TLS_PORT, 8080);
    }

    /**
     * The blob sweep: every {@code interval}, delete the message bodies that no message and no
     * queue entry references and that were last stored longer than {@code grace} ago.
     */
    public record BlobSweep(Duration interval, Duration grace) {
        public static final BlobSweep DEFAULTS = new BlobSweep(Duration.ofMinutes(60), Duration.ofMinutes(60));

        public BlobSweep {
            Objects.requireNonNull(interval, BLOB_SWEEP_INTERVAL);
            Objects.requireNonNull(grace, BLOB_SWEEP_GRACE);
        }
    }

    /**
     * The full-text index: whether there is one, where, and how much decoded body text of one
     * message it keeps (the rest of a longer message is not found by SEARCH BODY/TEXT).
     */
    public record FullTextIndex(boolean enabled, Path dir, int maxTextChars) {
        public FullTextIndex {
            Objects.requireNonNull(dir, INDEX_DIR);
        }
    }

    public ServerSettings {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(dataDir, TenmailConfig.DATA_DIR_KEY);
        Objects.requireNonNull(hostname, HOSTNAME);
        Objects.requireNonNull(bindAddress, BIND_ADDRESS);
        Objects.requireNonNull(httpBindAddress, HTTP_BIND_ADDRESS);
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(blobSweep, "blobSweep");
    }

    /** Reads and validates every key; the machine's host name is the default of {@code tenmail.hostname}. */
    public static ServerSettings from(Config config) {
        return from(config, ServerSettings::localHostName);
    }

    static ServerSettings from(Config config, Supplier<String> defaultHostname) {
        Values values = new Values(config);
        Path dataDir = values.path(TenmailConfig.DATA_DIR_KEY, null);
        if (dataDir == null) throw new SettingsException(TenmailConfig.DATA_DIR_KEY, TenmailConfig.DATA_DIR_KEY + " is not set");

        String hostname = values.hostname(HOSTNAME, defaultHostname);
        String bindAddress = values.address(BIND_ADDRESS, DEFAULT_BIND_ADDRESS);
        String httpBindAddress = values.address(HTTP_BIND_ADDRESS, bindAddress);

        Ports d = Ports.DEFAULTS;
        Map<String, Integer> portsByKey = new LinkedHashMap<>();
        portsByKey.put(SMTP_PORT, values.port(SMTP_PORT, d.smtp()));
        portsByKey.put(SUBMISSION_PORT, values.port(SUBMISSION_PORT, d.submission()));
        portsByKey.put(SMTPS_PORT, values.port(SMTPS_PORT, d.smtps()));
        portsByKey.put(IMAP_PORT, values.port(IMAP_PORT, d.imap()));
        portsByKey.put(IMAPS_PORT, values.port(IMAPS_PORT, d.imaps()));
        portsByKey.put(POP3_PORT, values.port(POP3_PORT, d.pop3()));
        portsByKey.put(POP3S_PORT, values.port(POP3S_PORT, d.pop3s()));
        portsByKey.put(HTTP_PORT, values.port(HTTP_PORT, d.http()));
        Ports ports = new Ports(portsByKey.get(SMTP_PORT), portsByKey.get(SUBMISSION_PORT), portsByKey.get(SMTPS_PORT),
                portsByKey.get(IMAP_PORT), portsByKey.get(IMAPS_PORT), portsByKey.get(POP3_PORT), portsByKey.get(POP3S_PORT),
                portsByKey.get(HTTP_PORT));
        requireDistinct(portsByKey, bindAddress, httpBindAddress);

        StorageSettings storage;
        int poolSize = values.integer(DB_POOL_SIZE, 16, 1, 1000);
        Duration authCacheTtl = Duration.ofSeconds(values.integer(AUTH_CACHE_TTL, (int) VerifiedPasswords.DEFAULT_TTL.toSeconds(), 0,
                (int) StorageSettings.MAX_AUTH_CACHE_TTL.toSeconds()));
        Duration directoryCacheTtl = Duration.ofSeconds(values.integer(DIRECTORY_CACHE_TTL,
                (int) StorageSettings.DEFAULT_DIRECTORY_CACHE_TTL.toSeconds(), 0, (int) StorageSettings.MAX_DIRECTORY_CACHE_TTL.toSeconds()));
        String url = values.string(DB_URL, "");
        try {
            storage = new StorageSettings(dataDir, url, values.string(DB_USER, ""), values.string(DB_PASSWORD, ""), poolSize,
                    values.path(BLOB_DIR, dataDir), authCacheTtl, directoryCacheTtl);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(DB_URL, e.getMessage() + values.origin(DB_URL));
        }

        TlsSettings tls;
        try {
            tls = new TlsSettings(hostname, dataDir,
                    values.path(TlsSettings.KEYSTORE_KEY, dataDir),
                    values.string(TlsSettings.KEYSTORE_PASSWORD_KEY, ""),
                    values.path(TlsSettings.CERTIFICATE_KEY, dataDir),
                    values.path(TlsSettings.PRIVATE_KEY_KEY, dataDir));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(TlsSettings.KEYSTORE_KEY, e.getMessage());
        }
        // a week at most between sweeps; the grace must outlast the slowest store-then-commit (BlobSweeper)
        BlobSweep sweep = new BlobSweep(
                Duration.ofMinutes(values.integer(BLOB_SWEEP_INTERVAL, (int) BlobSweep.DEFAULTS.interval().toMinutes(), 1, 7 * 24 * 60)),
                Duration.ofMinutes(values.integer(BLOB_SWEEP_GRACE, (int) BlobSweep.DEFAULTS.grace().toMinutes(), 10, 30 * 24 * 60)));
        PasswordPolicy passwordPolicy = AdminSettings.passwordPolicy(
                values.integer(AdminSettings.PASSWORD_MIN_LENGTH_KEY, AdminSettings.DEFAULT_PASSWORD_POLICY.minLength(), 1, PasswordPolicy.MAX_LENGTH),
                values.integer(AdminSettings.PASSWORD_MIN_CLASSES_KEY, AdminSettings.DEFAULT_PASSWORD_POLICY.minClasses(), 1, PasswordPolicy.CLASSES));
        Path indexDir = values.path(INDEX_DIR, dataDir);
        FullTextIndex index = new FullTextIndex(!"false".equalsIgnoreCase(values.string(INDEX_ENABLED, "true").trim()),
                indexDir == null ? dataDir.resolve("index") : indexDir,
                values.integer(INDEX_MAX_TEXT_CHARS, 1_000_000, 1_000, 100_000_000));
        return new ServerSettings(dataDir, hostname, bindAddress, httpBindAddress, ports, storage, tls, sweep, passwordPolicy, index);
    }

    /** The admin HTTP listener, for its log line and bind errors. */
    public ListenerSpec httpListener() {
        return new ListenerSpec("http", httpBindAddress, ports.http(), TlsMode.NONE, HTTP_PORT);
    }

    /** Where the CLI reaches the admin API: the bound address, or loopback when all addresses are bound. */
    public String httpClientHost() {
        try {
            InetAddress address = InetAddress.getByName(httpBindAddress);
            if (address.isAnyLocalAddress()) return "127.0.0.1";
        } catch (UnknownHostException e) {
            // validated at start-up; fall through to the name as given
        }
        return httpBindAddress;
    }

    private static void requireDistinct(Map<String, Integer> portsByKey, String bindAddress, String httpBindAddress) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (var e : portsByKey.entrySet()) {
            // the HTTP server may share a port number with a mail listener on another address
            if (e.getKey().equals(HTTP_PORT) && !httpBindAddress.equals(bindAddress)) continue;
            String other = seen.putIfAbsent(e.getValue(), e.getKey());
            if (other != null) {
                throw new SettingsException(e.getKey(), e.getKey() + " and " + other + " are both " + e.getValue() + "; give each listener its own port");
            }
        }
    }

    static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            return HOST_NAME.matcher(name).matches() ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Typed reads with errors that name the key, the value and its source. */
    private static final class Values {
        private final Config config;

        Values(Config config) {
            this.config = config;
        }

        /** The value, trimmed; null when missing or blank. */
        String raw(String key) {
            ConfigValue value = config.getConfigValue(key);
            String raw = value == null ? null : value.getValue();
            return raw == null || raw.isBlank() ? null : raw.trim();
        }

        String string(String key, String defaultValue) {
            String raw = raw(key);
            return raw == null ? defaultValue : raw;
        }

        int integer(String key, int defaultValue, int min, int max) {
            String raw = raw(key);
            if (raw == null) return defaultValue;
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) return value;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(key, raw, "must be a whole number from " + min + " to " + max);
        }

        int port(String key, int defaultValue) {
            String raw = raw(key);
            if (raw == null) return defaultValue;
            try {
                int value = Integer.parseInt(raw);
                if (value >= 1 && value <= 65535) return value;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(key, raw, "must be a port number from 1 to 65535");
        }

        /** A path; relative ones are resolved against {@code base} (null: against the working directory). */
        Path path(String key, Path base) {
            String raw = raw(key);
            if (raw == null) return null;
            try {
                Path path = Path.of(raw);
                return (base == null || path.isAbsolute() ? path : base.resolve(path)).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw invalid(key, raw, "must be a file path");
            }
        }

        String hostname(String key, Supplier<String> defaultValue) {
            String raw = raw(key);
            if (raw == null) return defaultValue.get();
            String name = raw.toLowerCase(Locale.ROOT);
            if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
            if (!HOST_NAME.matcher(name).matches()) throw invalid(key, raw, "must be a DNS host name such as mail.example.com");
            return name;
        }

        String address(String key, String defaultValue) {
            String raw = raw(key);
            if (raw == null) return defaultValue;
            try {
                InetAddress.getByName(raw);
                return raw;
            } catch (UnknownHostException | SecurityException e) {
                throw invalid(key, raw, "must be an IP address of this machine, such as 0.0.0.0, :: or 127.0.0.1");
            }
        }

        SettingsException invalid(String key, String raw, String rule) {
            return new SettingsException(key, key + " " + rule + ", was \"" + raw + "\"" + origin(key));
        }

        /** " (environment variable TENMAIL_X)", " (system property)" or " (in /path/tenmail.properties)". */
        String origin(String key) {
            ConfigValue value = config.getConfigValue(key);
            if (value == null || value.getSourceName() == null) return "";
            return switch (value.getSourceOrdinal()) {
                case TenmailConfig.ENVIRONMENT_ORDINAL -> " (environment variable " + ListenerSpec.environmentVariable(key) + ")";
                case TenmailConfig.SYSTEM_PROPERTIES_ORDINAL -> " (system property " + key + ")";
                default -> " (in " + value.getSourceName() + ")";
            };
        }
    }
}
