package io.tenmail.deploy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the server's MicroProfile Config. Precedence, lowest first: the file
 * {@code <data dir>/conf/tenmail.properties}, environment variables ({@code TENMAIL_SMTP_PORT}),
 * Java system properties ({@code -Dtenmail.smtp.port}). The data directory itself decides where
 * the file is, so it comes only from a system property or the environment, resolved first by
 * {@link #dataDir}, and overrides whatever the file says.
 *
 * <p>The environment and system properties are parameters so that tests never depend on the
 * machine they run on.
 */
public final class TenmailConfig {
    public static final String DATA_DIR_KEY = "tenmail.data.dir";
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String CONFIG_FILE = "conf/tenmail.properties";

    // MicroProfile Config's conventional ordinals
    static final int FILE_ORDINAL = 100;
    static final int ENVIRONMENT_ORDINAL = 300;
    static final int SYSTEM_PROPERTIES_ORDINAL = 400;
    static final int RESOLVED_ORDINAL = 500;

    private TenmailConfig() {
    }

    /**
     * The data directory: {@code -Dtenmail.data.dir}, else {@code TENMAIL_DATA_DIR} (or another
     * spelling MicroProfile Config accepts), else {@code ./data}; absolute and normalised.
     * Uses no logging and no config library, so it can run before logging is set up.
     */
    public static Path dataDir(Map<String, String> environment, Map<String, String> systemProperties) {
        String value = nonBlank(systemProperties.get(DATA_DIR_KEY));
        if (value == null) value = environmentValue(environment, DATA_DIR_KEY);
        if (value == null) value = DEFAULT_DATA_DIR;
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** The configuration of the server whose data directory is {@code dataDir}. */
    public static SmallRyeConfig load(Path dataDir, Map<String, String> environment, Map<String, String> systemProperties) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()   // ${other.key} expressions in values
                .withSources(new EnvConfigSource(environment, ENVIRONMENT_ORDINAL))
                .withSources(new PropertiesConfigSource(systemProperties, "system properties", SYSTEM_PROPERTIES_ORDINAL))
                .withSources(new PropertiesConfigSource(Map.of(DATA_DIR_KEY, dataDir.toString()), "data directory", RESOLVED_ORDINAL));
        Path file = dataDir.resolve(CONFIG_FILE);
        if (Files.isRegularFile(file)) {
            try {
                builder.withSources(new PropertiesConfigSource(file.toUri().toURL(), file.toString(), FILE_ORDINAL));
            } catch (IOException e) {
                throw new SettingsException(DATA_DIR_KEY, "cannot read " + file + ": " + e.getMessage());
            }
        }
        return builder.build();
    }

    /** MicroProfile Config §"Environment Variables Mapping Rules": exact, then _ for non-alphanumerics, then upper case. */
    static String environmentValue(Map<String, String> environment, String key) {
        String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
        for (String name : new String[] {key, sanitized, sanitized.toUpperCase(Locale.ROOT)}) {
            String value = nonBlank(environment.get(name));
            if (value != null) return value;
        }
        return null;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
