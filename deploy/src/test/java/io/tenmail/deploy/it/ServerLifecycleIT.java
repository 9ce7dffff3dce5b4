package io.tenmail.deploy.it;

import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server's life as an operator sees it: {@code bin/tenmail serve} from the built distribution
 * with a fresh data directory and free loopback ports (set through environment variables), the
 * CLI against it, SIGTERM, a restart on the same data (on embedded Derby, and on PostgreSQL when
 * TENMAIL_TEST_PG_URL names a server), and a port that is already taken.
 */
class ServerLifecycleIT {
    private static final Path HOME = Path.of("target/tenmail").toAbsolutePath();
    private static final Path LAUNCHER = HOME.resolve("bin/tenmail");
    /** Generous: the first start creates the database and a key pair, on a machine that may be busy. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(1);
    private static final List<String> PORT_KEYS = List.of("SMTP", "SUBMISSION", "SMTPS", "IMAP", "IMAPS", "POP3", "POP3S", "HTTP");

    @TempDir
    Path temp;

    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, Path> logFiles = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int logs;

    record CliResult(int exitCode, String out, String err) {
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void serverKeepsItsDataAcrossARestartAndStopsCleanlyOnSigterm() throws Exception {
        Path dataDir = temp.resolve("data");
        keepsItsDataAcrossARestart(dataDir, environment(dataDir, freePorts()));
        assertThat(Files.readString(dataDir.resolve("logs/derby.log"))).as("Derby shut down").contains("Shutting down");
    }

    /** The same life on PostgreSQL, in a database of its own; skipped unless TENMAIL_TEST_PG_URL names a server. */
    @Test
    void onPostgresqlTheServerKeepsItsDataAcrossARestart() throws Exception {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set");
        Path dataDir = temp.resolve("data");
        StorageSettings database = TestDatabases.freshPostgres(dataDir);
        Map<String, String> env = environment(dataDir, freePorts());
        env.put("TENMAIL_DB_URL", database.jdbcUrl());
        env.put("TENMAIL_DB_USER", database.user());
        if (!database.password().isEmpty()) env.put("TENMAIL_DB_PASSWORD", database.password());

        keepsItsDataAcrossARestart(dataDir, env);
        assertThat(dataDir.resolve("db")).as("no embedded database").doesNotExist();
    }

    private void keepsItsDataAcrossARestart(Path dataDir, Map<String, String> env) throws Exception {
        int httpPort = Integer.parseInt(env.get("TENMAIL_HTTP_PORT"));

        Process server = serve(env);
        Path firstLog = log(server);
        awaitHealthy(server, httpPort, firstLog);
        assertThat(Files.readString(firstLog)).contains("Tenmail", "started", "listening http on 127.0.0.1:" + httpPort);
        assertCleanStart(firstLog);

        expectOk(cli(env, "", "domain", "add", "example.test"), "domain example.test added");
        CliResult duplicate = cli(env, "", "domain", "add", "example.test");
        assertThat(duplicate.exitCode()).as(duplicate.toString()).isEqualTo(1);
        assertThat(duplicate.err()).startsWith("error: ").contains("example.test").doesNotContain("Exception");
        expectOk(cli(env, "s3cret-Passw0rd\n", "user", "add", "alice@example.test", "--password-stdin", "--name", "Alice Example"),
                "account alice@example.test added");
        expectOk(cli(env, "", "user", "add", "bob@example.test", "--password", "An0ther-Passw0rd", "--quota", "1G"),
                "account bob@example.test added");
        expectOk(cli(env, "", "alias", "add", "info@example.test", "alice@example.test", "bob@example.test"), "alias info@example.test");
        expectOk(cli(env, "", "group", "add", "team@example.test", "--member", "alice@example.test", "--member", "bob@example.test",
                "--policy", "members"), "group team@example.test added (2 members, policy members)");
        assertDirectoryIsThere(env);

        String token = Files.readString(dataDir.resolve("admin-token"));
        String certificate = Files.readString(dataDir.resolve("tls/self-signed.crt"));
        stop(server, firstLog);

        Process restarted = serve(env);
        Path secondLog = log(restarted);
        awaitHealthy(restarted, httpPort, secondLog);
        assertDirectoryIsThere(env);
        assertThat(dataDir.resolve("admin-token")).hasContent(token.strip());
        assertThat(Files.readString(dataDir.resolve("tls/self-signed.crt"))).as("certificate reused").isEqualTo(certificate);
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("tls/self-signed.key")))).isEqualTo("rw-------");
        }
        expectOk(cli(env, "", "alias", "remove", "info@example.test"), "alias info@example.test removed");
        stop(restarted, secondLog);
        assertThat(Files.readString(dataDir.resolve("logs/tenmail.log"))).contains("Tenmail stopped");
    }

    @Test
    void aTakenPortIsOneClearLineAndExitCodeTwo() throws Exception {
        Map<String, String> env = environment(temp.resolve("data"), freePorts());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            env.put("TENMAIL_HTTP_PORT", Integer.toString(taken.getLocalPort()));
            Process server = serve(env);
            Path log = log(server);
            assertThat(server.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("server gave up").isTrue();

            String output = Files.readString(log);
            assertThat(server.exitValue()).as(output).isEqualTo(2);
            String expected = "cannot bind http on 127.0.0.1:" + taken.getLocalPort() + " (address in use); set tenmail.http.port or TENMAIL_HTTP_PORT";
            assertThat(output.lines().filter(line -> line.contains("cannot bind"))).as(output)
                    .singleElement().satisfies(line -> assertThat(line).endsWith(expected));
            assertNoStackTrace(output);
        }
    }

    @Test
    void anInvalidSettingIsOneLineNamingTheKeyAndExitCodeTwo() throws Exception {
        Map<String, String> env = environment(temp.resolve("data"), freePorts());
        env.put("TENMAIL_SMTP_PORT", "25x");
        Process server = serve(env);
        Path log = log(server);
        assertThat(server.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(server.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("tenmail.smtp.port must be a port number from 1 to 65535, was \"25x\" (environment variable TENMAIL_SMTP_PORT)");
        assertNoStackTrace(output);
    }

    @Test
    void anInvalidSmtpSettingIsReportedTheSameWay() throws Exception {
        Map<String, String> env = environment(temp.resolve("data"), freePorts());
        env.put("TENMAIL_SMTP_MAX_RECIPIENTS", "lots");
        Process server = serve(env);
        Path log = log(server);
        assertThat(server.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(server.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("tenmail.smtp.max-recipients must be a whole number from 1 to 100000, was \"lots\"");
        assertNoStackTrace(output);
    }

    @Test
    void aBrokenMailetContainerIsOneLineNamingFileLineAndClassAndExitCodeTwo() throws Exception {
        Path dataDir = temp.resolve("data");
        Map<String, String> env = environment(dataDir, freePorts());
        Files.createDirectories(dataDir.resolve("conf"));
        Files.writeString(dataDir.resolve("conf/mailetcontainer.xml"), "<mailetcontainer>\n<processor state=\"root\">\n"
                + "<mailet match=\"All\" class=\"NoSuchMailet\"/>\n</processor>\n<processor state=\"error\"/>\n</mailetcontainer>\n");
        Process server = serve(env);
        Path log = log(server);
        assertThat(server.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(server.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains(dataDir.resolve("conf/mailetcontainer.xml") + " line 3: no mailet class NoSuchMailet");
        assertNoStackTrace(output);
    }

    @Test
    void theCliSaysHowToStartAServerThatIsNotThere() throws Exception {
        Path dataDir = temp.resolve("data");
        Map<String, String> env = environment(dataDir, freePorts());

        CliResult neverStarted = cli(env, "", "domain", "list");
        assertThat(neverStarted.exitCode()).as(neverStarted.toString()).isEqualTo(3);
        assertThat(neverStarted.err()).startsWith("error: no admin token in " + dataDir.resolve("admin-token")).contains("tenmail serve");

        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("admin-token"), "some-token\n");
        CliResult notRunning = cli(env, "", "user", "list");
        assertThat(notRunning.exitCode()).as(notRunning.toString()).isEqualTo(3);
        assertThat(notRunning.err()).startsWith("error: cannot reach the Tenmail server at http://127.0.0.1:" + env.get("TENMAIL_HTTP_PORT"))
                .contains("tenmail serve");
    }

    @Test
    void helpAndUsageErrorsNeedNoServer() throws Exception {
        Map<String, String> env = environment(temp.resolve("data"), freePorts());

        CliResult help = cli(env, "", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("domain add NAME", "user add ADDRESS", "alias add ADDRESS TARGET...", "group add ADDRESS", "tenant list");

        CliResult usage = cli(env, "", "group", "add", "team@example.test", "--policy", "everyone");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("error: --policy must be one of anyone, members, same-domain");
        assertThat(Files.exists(temp.resolve("data"))).as("the CLI creates no data directory").isFalse();
    }

    @Test
    void theDistributionHasItsLauncherDefaultsAndZip() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        assertThat(HOME.resolve("conf/tenmail.properties")).exists();
        assertThat(HOME.resolve("conf/logback.xml")).exists();
        try (Stream<Path> jars = Files.list(HOME.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("tenmail-deploy-"))
                    .anyMatch(n -> n.startsWith("tenmail-storage-")).anyMatch(n -> n.startsWith("weld-se-core-"));
        }
        try (Stream<Path> zips = Files.list(HOME.getParent())) {
            assertThat(zips.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("tenmail-.+\\.zip"));
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Every command is tried in CliAgainstAdminServerIT; here a couple of lists show the data is there. */
    private void assertDirectoryIsThere(Map<String, String> env) throws Exception {
        assertThat(expectOk(cli(env, "", "user", "list", "example.test"), "alice@example.test").out())
                .contains("bob@example.test", "Alice Example", "1 GiB");
        assertThat(expectOk(cli(env, "", "group", "list"), "team@example.test").out()).contains("members", "alice@example.test");
    }

    private static CliResult expectOk(CliResult result, String expectedOutput) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains(expectedOutput);
        return result;
    }

    /**
     * A fresh start says what it did in a handful of lines besides the one line per listener: no
     * warnings, nothing printed around the logger.
     */
    private static void assertCleanStart(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as(String.join("\n", lines))
                .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*"));
        assertThat(lines.stream().filter(line -> !line.contains(" listening ")))
                .as(String.join("\n", lines)).hasSizeLessThanOrEqualTo(12);
    }

    private static void assertNoStackTrace(String output) {
        assertThat(output.lines()).as(output).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception:"));
    }

    /** Eight distinct free loopback ports, one per listener. */
    private static Map<String, Integer> freePorts() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String key : PORT_KEYS) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(socket);
                ports.put(key, socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : held) socket.close();
        }
        return ports;
    }

    private static Map<String, String> environment(Path dataDir, Map<String, Integer> ports) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TENMAIL_DATA_DIR", dataDir.toString());
        env.put("TENMAIL_BIND_ADDRESS", "127.0.0.1");
        env.put("TENMAIL_HOSTNAME", "mail.example.test");
        ports.forEach((key, port) -> env.put("TENMAIL_" + key + "_PORT", Integer.toString(port)));
        return env;
    }

    private Process serve(Map<String, String> env) throws IOException {
        MailProcessingDefaults.prepare(Path.of(env.get("TENMAIL_DATA_DIR")));
        Path log = temp.resolve("serve-" + (++logs) + ".log");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(devNull()));
        clean(builder.environment()).putAll(env);
        Process process = builder.start();
        processes.add(process);
        logFiles.put(process, log);
        return process;
    }

    private Path log(Process process) {
        return logFiles.get(process);
    }

    private CliResult cli(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        int n = ++logs;
        Path out = temp.resolve("cli-" + n + ".out");
        Path err = temp.resolve("cli-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        clean(builder.environment()).putAll(env);
        Process process = builder.start();
        processes.add(process);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) fail("tenmail " + String.join(" ", args) + " did not finish");
        return new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The test's own TENMAIL_* or JAVA_OPTS must not leak into the server under test. */
    private static Map<String, String> clean(Map<String, String> environment) {
        environment.keySet().removeIf(k -> k.startsWith("TENMAIL_") || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
        return environment;
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private void awaitHealthy(Process server, int httpPort, Path log) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("the server exited with " + server.exitValue() + ":\n" + Files.readString(log));
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("up")) return;
            } catch (IOException e) {
                // not listening yet
            }
            // poll interval of the deadline-bounded wait
            server.waitFor(200, TimeUnit.MILLISECONDS);
        }
        fail("the server did not become healthy within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** SIGTERM, then: exits within the timeout, with 0 or 143, saying so, without a stack trace. */
    private static void stop(Process server, Path log) throws Exception {
        server.destroy();   // SIGTERM on POSIX; bin/tenmail exec'ed java, so it reaches the JVM
        assertThat(server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("stopped in time").isTrue();
        String output = Files.readString(log);
        assertThat(server.exitValue()).as(output).isIn(0, 143);
        assertThat(output).contains("Tenmail stopping", "Tenmail stopped");
        assertNoStackTrace(output);
    }
}
