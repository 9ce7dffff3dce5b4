package io.tenmail.deploy;

import io.smallrye.config.SmallRyeConfig;
import io.tenmail.protocol.InvalidSettingException;
import io.tenmail.protocol.ListenerBindException;
import io.tenmail.protocol.tls.TlsContextFactory;
import io.tenmail.protocol.tls.TlsMaterial;
import io.tenmail.protocol.tls.TlsSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code tenmail serve}: reads and validates the configuration,
 * loads the TLS identity and the admin token, starts the server and runs until SIGTERM/Ctrl-C,
 * when a shutdown hook closes everything in reverse order.
 *
 * <p>Exit codes: 0 after a normal stop (143 when the JVM reports the signal), 1 when start-up
 * fails for another reason, 2 when the configuration must change: an invalid setting, an unusable
 * certificate, or a port that cannot be bound. Those are one line in the log, without a stack trace.
 */
final class ServeCommand {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_CONFIGURATION = 2;

    private final DataDirectory directory;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;

    /** @param directory prepared before logging started (the log file is in it) */
    ServeCommand(DataDirectory directory, Map<String, String> environment, Map<String, String> systemProperties) {
        this.directory = directory;
        this.dataDir = directory.root();
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    int run() {
        long startNanos = System.nanoTime();
        TenmailServer server = new TenmailServer();
        Thread shutdownHook = new Thread(() -> {
            log.info("Tenmail stopping");
            server.close();
            log.info("Tenmail stopped");
        }, "tenmail-shutdown");
        try {
            directory.created().forEach(log::info);
            SmallRyeConfig config = TenmailConfig.load(dataDir, environment, systemProperties);
            ServerSettings settings = ServerSettings.from(config);
            SSLContext tls = TlsContextFactory.serverContext(TlsMaterial.load(settings.tls(), Clock.systemUTC()));
            String adminToken = AdminToken.ensure(directory.adminTokenFile());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            server.start(settings, config, tls, adminToken);
            log.info("Tenmail {} started in {} ms as {}; data in {}", Version.current(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), settings.hostname(), dataDir);
        } catch (SettingsException | TlsSetupException | ListenerBindException e) {
            log.error(e.getMessage());
            return stop(server, shutdownHook, EXIT_CONFIGURATION);
        } catch (StartupException e) {
            log.error(e.getMessage());
            log.debug("start-up failed", e);
            return stop(server, shutdownHook, EXIT_FAILED);
        } catch (IOException e) {
            log.error("cannot write to the data directory {}: {}", dataDir, TenmailServer.rootMessage(e));
            return stop(server, shutdownHook, EXIT_FAILED);
        } catch (RuntimeException e) {
            // a protocol module's setting, reported while CDI built its server (and wrapped by CDI)
            Optional<InvalidSettingException> setting = InvalidSettingException.in(e);
            if (setting.isPresent()) {
                log.error(setting.get().getMessage());
                return stop(server, shutdownHook, EXIT_CONFIGURATION);
            }
            // not an operator's mistake: keep the stack trace for the bug report
            log.error("start-up failed", e);
            return stop(server, shutdownHook, EXIT_FAILED);
        }
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    private static int stop(TenmailServer server, Thread shutdownHook, int exitCode) {
        server.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway and finds the server closed
            log.debug("shutdown in progress", e);
        }
        return exitCode;
    }
}
