package io.tenmail.deploy;

import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points logging at the right configuration before the first logger exists: the server logs to
 * the console and {@code <data dir>/logs/tenmail.log} (the distribution's {@code conf/logback.xml});
 * the CLI only prints warnings to standard error. Settings given with {@code -D} win.
 */
final class LogSetup {
    static final String LOGBACK_FILE = "logback.configurationFile";
    static final String LOG_DIR = "tenmail.log.dir";
    static final String HOME = "tenmail.home";
    static final String SERVER_DEFAULT = "io/tenmail/deploy/dist/logback.xml";
    static final String CLI_DEFAULT = "io/tenmail/deploy/logback-cli.xml";

    private LogSetup() {
    }

    static void forServer(Path dataDir) {
        setIfAbsent(LOG_DIR, dataDir.resolve("logs").toString());
        String home = System.getProperty(HOME);
        Path shipped = home == null ? null : Path.of(home, "conf", "logback.xml");
        setIfAbsent(LOGBACK_FILE, shipped != null && Files.isRegularFile(shipped) ? shipped.toString() : SERVER_DEFAULT);
        // Derby writes its own log; keep it with ours instead of derby.log in the working directory
        setIfAbsent("derby.stream.error.file", dataDir.resolve("logs").resolve("derby.log").toString());
        // java.util.logging (Liquibase, Jersey, Weld's bootstrap) through SLF4J
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    static void forCli() {
        setIfAbsent(LOGBACK_FILE, CLI_DEFAULT);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
