package io.tenmail.storage;

import io.tenmail.storage.directory.VerifiedPasswords;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the store keeps its data, read once at start-up by the composition root.
 *
 * @param dataDir   the server's data directory; the embedded database lives in {@code db/} and
 *                  the blob store in {@code blobs/} below it unless configured otherwise
 * @param jdbcUrl   empty for embedded Derby under {@code dataDir/db}; a {@code jdbc:postgresql:}
 *                  URL selects PostgreSQL
 * @param poolSize  maximum database connections
 * @param authCacheTtl how long an account password proven correct is remembered, so that the next
 *                  login with it skips the slow hash ({@code tenmail.auth.cache-ttl-seconds};
 *                  zero turns it off; see {@code directory.VerifiedPasswords})
 * @param directoryCacheTtl how long this node serves a directory, spam-policy or Bayes-total answer
 *                  it has read, when no change committed on this node invalidated it earlier; it
 *                  bounds how late changes by other nodes are seen ({@code tenmail.directory.cache-seconds};
 *                  zero turns the cache off; see {@code jpa.ReadCache})
 */
public record StorageSettings(Path dataDir, String jdbcUrl, String user, String password, int poolSize, Path blobDir,
                              Duration authCacheTtl, Duration directoryCacheTtl) {

    /** The longest time-to-live accepted for verified passwords. */
    public static final Duration MAX_AUTH_CACHE_TTL = Duration.ofHours(1);

    /** {@code tenmail.directory.cache-seconds} when not set. */
    public static final Duration DEFAULT_DIRECTORY_CACHE_TTL = Duration.ofSeconds(10);

    /** The longest time-to-live accepted for cached directory answers. */
    public static final Duration MAX_DIRECTORY_CACHE_TTL = Duration.ofHours(1);

    public StorageSettings {
        Objects.requireNonNull(dataDir, "tenmail.data.dir");
        jdbcUrl = jdbcUrl == null ? "" : jdbcUrl.trim();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) throw new IllegalArgumentException("tenmail.db.pool-size must be at least 1, was " + poolSize);
        if (blobDir == null) blobDir = dataDir.resolve("blobs");
        if (authCacheTtl == null) authCacheTtl = VerifiedPasswords.DEFAULT_TTL;
        if (authCacheTtl.isNegative() || authCacheTtl.compareTo(MAX_AUTH_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("tenmail.auth.cache-ttl-seconds must be 0.." + MAX_AUTH_CACHE_TTL.toSeconds()
                    + ", was " + authCacheTtl.toSeconds());
        }
        if (directoryCacheTtl == null) directoryCacheTtl = DEFAULT_DIRECTORY_CACHE_TTL;
        if (directoryCacheTtl.isNegative() || directoryCacheTtl.compareTo(MAX_DIRECTORY_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("tenmail.directory.cache-seconds must be 0.." + MAX_DIRECTORY_CACHE_TTL.toSeconds()
                    + ", was " + directoryCacheTtl.toSeconds());
        }
        if (!jdbcUrl.isEmpty() && !jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:derby:")) {
            throw new IllegalArgumentException("tenmail.db.url must be a jdbc:postgresql: or jdbc:derby: URL, was " + jdbcUrl);
        }
    }

    /** With the default time-to-live of cached directory answers. */
    public StorageSettings(Path dataDir, String jdbcUrl, String user, String password, int poolSize, Path blobDir,
                           Duration authCacheTtl) {
        this(dataDir, jdbcUrl, user, password, poolSize, blobDir, authCacheTtl, DEFAULT_DIRECTORY_CACHE_TTL);
    }

    /** With the default time-to-live of verified passwords and of cached directory answers. */
    public StorageSettings(Path dataDir, String jdbcUrl, String user, String password, int poolSize, Path blobDir) {
        this(dataDir, jdbcUrl, user, password, poolSize, blobDir, VerifiedPasswords.DEFAULT_TTL);
    }

    /** Embedded Derby in {@code dataDir/db}, the zero-configuration default. */
    public static StorageSettings embedded(Path dataDir) {
        return new StorageSettings(dataDir, "", "", "", 16, null);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The JDBC URL actually used. */
    public String effectiveJdbcUrl() {
        return jdbcUrl.isEmpty() ? "jdbc:derby:" + dataDir.resolve("db").toAbsolutePath() + ";create=true" : jdbcUrl;
    }
}
