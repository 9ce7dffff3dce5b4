package io.tenmail.smtp.mailet;

import io.tenmail.protocol.InvalidSettingException;
import io.tenmail.protocol.SettingValues;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the spooler takes mail out of the queue ({@code tenmail.spooler.*} in conf/tenmail.properties).
 *
 * @param threads     worker threads, each running one mail at a time
 * @param lease       how long a worker holds the entries it leased; a worker that dies releases
 *                    them when this runs out, so it bounds the delay after a crash
 * @param batch       entries a worker leases at once
 * @param maxIdle     the longest an idle worker sleeps before looking at the queue again (entries
 *                    queued by another node, leases run out); a local enqueue wakes it at once
 * @param configFile  the mailet container's configuration, {@code <data dir>/conf/mailetcontainer.xml}
 * @param handOff     entries SMTP intake hands to the workers in memory at most (ADR 0019, 0020);
 *                    beyond it mail is queued un-leased and leased from the database
 */
public record SpoolerSettings(int threads, Duration lease, int batch, Duration maxIdle, Path configFile, int handOff) {
    public static final String THREADS = "tenmail.spooler.threads";
    public static final String LEASE_SECONDS = "tenmail.spooler.lease-seconds";
    public static final String BATCH = "tenmail.spooler.batch";
    public static final String MAX_IDLE_SECONDS = "tenmail.spooler.max-idle-seconds";
    public static final String HAND_OFF_ENTRIES = "tenmail.spooler.hand-off-entries";
    /** A few KiB of heap per entry; a burst of this many accepted mails stays off the lease path. */
    public static final int DEFAULT_HAND_OFF_ENTRIES = 4096;
    public static final String CONFIG_FILE = "tenmail.spooler.config-file";
    public static final String DATA_DIR = "tenmail.data.dir";
    public static final String DEFAULT_CONFIG_FILE = "conf/mailetcontainer.xml";

    public SpoolerSettings {
        if (threads < 1) throw new InvalidSettingException(THREADS, THREADS + " must be at least 1, was " + threads);
        if (batch < 1) throw new InvalidSettingException(BATCH, BATCH + " must be at least 1, was " + batch);
        if (lease.toSeconds() < 10) throw new InvalidSettingException(LEASE_SECONDS, LEASE_SECONDS + " must be at least 10, was " + lease.toSeconds());
        if (maxIdle.isNegative() || maxIdle.isZero()) throw new InvalidSettingException(MAX_IDLE_SECONDS, MAX_IDLE_SECONDS + " must be positive");
        Objects.requireNonNull(configFile, CONFIG_FILE);
        if (handOff < 1) throw new InvalidSettingException(HAND_OFF_ENTRIES, HAND_OFF_ENTRIES + " must be at least 1, was " + handOff);
    }

    /** Settings with the default hand-off. */
    public SpoolerSettings(int threads, Duration lease, int batch, Duration maxIdle, Path configFile) {
        this(threads, lease, batch, maxIdle, configFile, DEFAULT_HAND_OFF_ENTRIES);
    }

    /** Reads and validates the keys; a relative config file is resolved against the data directory. */
    public static SpoolerSettings from(Config config) {
        SettingValues v = new SettingValues(config);
        Path dataDir = v.raw(DATA_DIR).map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "tenmail"));
        Path file = dataDir.resolve(v.raw(CONFIG_FILE).orElse(DEFAULT_CONFIG_FILE));
        return new SpoolerSettings(v.integer(THREADS, 4, 1, 256), Duration.ofSeconds(v.integer(LEASE_SECONDS, 300, 10, 86_400)),
                v.integer(BATCH, 16, 1, 1000), Duration.ofSeconds(v.integer(MAX_IDLE_SECONDS, 30, 1, 3600)), file,
                v.integer(HAND_OFF_ENTRIES, DEFAULT_HAND_OFF_ENTRIES, 1, 1_000_000));
    }
}
