package io.tenmail.deploy;

import io.tenmail.deploy.cli.Cli;
import io.tenmail.deploy.cli.ServerEndpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The entry point of {@code bin/tenmail}: {@code tenmail serve} runs the server, everything else
 * is the admin CLI. The data directory is resolved first, before any logger exists, because the
 * log file lives in it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean serve = args.length == 1 && args[0].equals("serve");
        int exitCode = run(args, serve);
        // a stopped server returns normally and lets the JVM finish its shutdown; System.exit
        // from here would wait forever for the shutdown hook that is running
        if (exitCode != 0 || !serve) System.exit(exitCode);
    }

    private static int run(String[] args, boolean serve) {
        Map<String, String> environment = System.getenv();
        Map<String, String> systemProperties = new HashMap<>();
        System.getProperties().forEach((k, v) -> systemProperties.put(String.valueOf(k), String.valueOf(v)));
        Path dataDir = TenmailConfig.dataDir(environment, systemProperties);

        if (serve) {
            DataDirectory directory;
            try {
                // before logging starts: the logger would otherwise create the directory, with default permissions
                directory = DataDirectory.prepare(dataDir);
            } catch (IOException e) {
                // no log file without a data directory: the terminal is all there is
                System.err.println("tenmail: cannot create the data directory " + dataDir + ": " + e);
                return ServeCommand.EXIT_FAILED;
            }
            LogSetup.forServer(dataDir);
            return new ServeCommand(directory, environment, systemProperties).run();
        }
        LogSetup.forCli();
        // the CLI's results are its user interface, not logging: they go to the terminal
        return new Cli(System.in, System.out, System.err, () -> ServerEndpoint.locate(dataDir, environment, systemProperties)).run(args);
    }
}
