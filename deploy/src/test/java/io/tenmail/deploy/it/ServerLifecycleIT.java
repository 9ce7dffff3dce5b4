package io.tenmail.deploy.it;

import io.tenmail.deploy.it.TenmailProcess.CliResult;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server's life as an operator sees it: {@code bin/tenmail serve} from the built distribution
 * with a fresh data directory and free loopback ports (set through environment variables), the
 * CLI against it, SIGTERM, a restart on the same data (on embedded Derby, and on PostgreSQL when
 * TENMAIL_TEST_PG_URL names a server), and a port that is already taken.
 */
class ServerLifecycleIT {

    @TempDir
    Path temp;

    private TenmailProcess tenmail;

    @BeforeEach
    void freshInstallation() throws IOException {
        tenmail = new TenmailProcess(temp);
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        tenmail.close();
    }

    @Test
    void serverKeepsItsDataAcrossARestartAndStopsCleanlyOnSigterm() throws Exception {
        keepsItsDataAcrossARestart();
        assertThat(Files.readString(tenmail.dataDir().resolve("logs/derby.log"))).as("Derby shut down").contains("Shutting down");
    }

    /** The same life on PostgreSQL, in a database of its own; skipped unless TENMAIL_TEST_PG_URL names a server. */
    @Test
    void onPostgresqlTheServerKeepsItsDataAcrossARestart() throws Exception {
        assumeTrue(TestDatabases.postgresAvailable(), "TENMAIL_TEST_PG_URL is not set");
        StorageSettings database = TestDatabases.freshPostgres(tenmail.dataDir());
        tenmail.env().put("TENMAIL_DB_URL", database.jdbcUrl());
        tenmail.env().put("TENMAIL_DB_USER", database.user());
        if (!database.password().isEmpty()) tenmail.env().put("TENMAIL_DB_PASSWORD", database.password());

        keepsItsDataAcrossARestart();
        assertThat(tenmail.dataDir().resolve("db")).as("no embedded database").doesNotExist();
    }

    private void keepsItsDataAcrossARestart() throws Exception {
        Path dataDir = tenmail.dataDir();
        int httpPort = tenmail.port("HTTP");

        Process server = tenmail.serveAndAwaitHealthy();
        Path firstLog = tenmail.log(server);
        assertThat(Files.readString(firstLog)).contains("Tenmail", "started", "listening http on 127.0.0.1:" + httpPort);
        assertCleanStart(firstLog);

        expectOk(tenmail.cli("", "domain", "add", "example.test"), "domain example.test added");
        CliResult duplicate = tenmail.cli("", "domain", "add", "example.test");
        assertThat(duplicate.exitCode()).as(duplicate.toString()).isEqualTo(1);
        assertThat(duplicate.err()).startsWith("error: ").contains("example.test").doesNotContain("Exception");
        expectOk(tenmail.cli("s3cret-Passw0rd\n", "user", "add", "alice@example.test", "--password-stdin", "--name", "Alice Example"),
                "account alice@example.test added");
        expectOk(tenmail.cli("", "user", "add", "bob@example.test", "--password", "An0ther-Passw0rd", "--quota", "1G"),
                "account bob@example.test added");
        expectOk(tenmail.cli("", "alias", "add", "info@example.test", "alice@example.test", "bob@example.test"), "alias info@example.test");
        expectOk(tenmail.cli("", "group", "add", "team@example.test", "--member", "alice@example.test", "--member", "bob@example.test",
                "--policy", "members"), "group team@example.test added (2 members, policy members)");
        assertDirectoryIsThere();

        String token = Files.readString(dataDir.resolve("admin-token"));
        String certificate = Files.readString(dataDir.resolve("tls/self-signed.crt"));
        tenmail.stop(server);

        Process restarted = tenmail.serveAndAwaitHealthy();
        assertDirectoryIsThere();
        assertThat(dataDir.resolve("admin-token")).hasContent(token.strip());
        assertThat(Files.readString(dataDir.resolve("tls/self-signed.crt"))).as("certificate reused").isEqualTo(certificate);
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("tls/self-signed.key")))).isEqualTo("rw-------");
        }
        expectOk(tenmail.cli("", "alias", "remove", "info@example.test"), "alias info@example.test removed");
        tenmail.stop(restarted);
        assertThat(Files.readString(dataDir.resolve("logs/tenmail.log"))).contains("Tenmail stopped");
    }

    @Test
    void aTakenPortIsOneClearLineAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            tenmail.env().put("TENMAIL_HTTP_PORT", Integer.toString(taken.getLocalPort()));
            String output = failedStart();
            String expected = "cannot bind http on 127.0.0.1:" + taken.getLocalPort() + " (address in use); set tenmail.http.port or TENMAIL_HTTP_PORT";
            assertThat(output.lines().filter(line -> line.contains("cannot bind"))).as(output)
                    .singleElement().satisfies(line -> assertThat(line).endsWith(expected));
        }
    }

    @Test
    void anInvalidSettingIsOneLineNamingTheKeyAndExitCodeTwo() throws Exception {
        tenmail.env().put("TENMAIL_SMTP_PORT", "25x");
        assertThat(failedStart()).contains("tenmail.smtp.port must be a port number from 1 to 65535, was \"25x\" (environment variable TENMAIL_SMTP_PORT)");
    }

    @Test
    void anInvalidSmtpSettingIsReportedTheSameWay() throws Exception {
        tenmail.env().put("TENMAIL_SMTP_MAX_RECIPIENTS", "lots");
        assertThat(failedStart()).contains("tenmail.smtp.max-recipients must be a whole number from 1 to 100000, was \"lots\"");
    }

    @Test
    void aBrokenMailetContainerIsOneLineNamingFileLineAndClassAndExitCodeTwo() throws Exception {
        Path config = tenmail.dataDir().resolve("conf/mailetcontainer.xml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "<mailetcontainer>\n<processor state=\"root\">\n"
                + "<mailet match=\"All\" class=\"NoSuchMailet\"/>\n</processor>\n<processor state=\"error\"/>\n</mailetcontainer>\n");
        assertThat(failedStart()).contains(config + " line 3: no mailet class NoSuchMailet");
    }

    @Test
    void theCliSaysHowToStartAServerThatIsNotThere() throws Exception {
        Path dataDir = tenmail.dataDir();

        CliResult neverStarted = tenmail.cli("", "domain", "list");
        assertThat(neverStarted.exitCode()).as(neverStarted.toString()).isEqualTo(3);
        assertThat(neverStarted.err()).startsWith("error: no admin token in " + dataDir.resolve("admin-token")).contains("tenmail serve");

        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("admin-token"), "some-token\n");
        CliResult notRunning = tenmail.cli("", "user", "list");
        assertThat(notRunning.exitCode()).as(notRunning.toString()).isEqualTo(3);
        assertThat(notRunning.err()).startsWith("error: cannot reach the Tenmail server at http://127.0.0.1:" + tenmail.port("HTTP"))
                .contains("tenmail serve");
    }

    @Test
    void helpAndUsageErrorsNeedNoServer() throws Exception {
        CliResult help = tenmail.cli("", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("domain add NAME", "user add ADDRESS", "alias add ADDRESS TARGET...", "group add ADDRESS", "tenant list");

        CliResult usage = tenmail.cli("", "group", "add", "team@example.test", "--policy", "everyone");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("error: --policy must be one of anyone, members, same-domain");
        assertThat(Files.exists(tenmail.dataDir())).as("the CLI creates no data directory").isFalse();
    }

    @Test
    void theDistributionHasItsLauncherDefaultsAndZip() throws Exception {
        assertThat(Files.isExecutable(TenmailProcess.LAUNCHER)).isTrue();
        assertThat(TenmailProcess.HOME.resolve("conf/tenmail.properties")).exists();
        assertThat(TenmailProcess.HOME.resolve("conf/logback.xml")).exists();
        try (Stream<Path> jars = Files.list(TenmailProcess.HOME.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("tenmail-deploy-"))
                    .anyMatch(n -> n.startsWith("tenmail-storage-")).anyMatch(n -> n.startsWith("weld-se-core-"));
        }
        try (Stream<Path> zips = Files.list(TenmailProcess.HOME.getParent())) {
            assertThat(zips.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("tenmail-.+\\.zip"));
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** A start that must fail: exit code 2, the output without a stack trace; returns the output. */
    private String failedStart() throws Exception {
        Process server = tenmail.serve();
        assertThat(server.waitFor(3, TimeUnit.MINUTES)).as("server gave up").isTrue();
        String output = Files.readString(tenmail.log(server));
        assertThat(server.exitValue()).as(output).isEqualTo(2);
        TenmailProcess.assertNoStackTrace(output);
        return output;
    }

    /** Every command is tried in CliAgainstAdminServerIT; here a couple of lists show the data is there. */
    private void assertDirectoryIsThere() throws Exception {
        assertThat(expectOk(tenmail.cli("", "user", "list", "example.test"), "alice@example.test").out())
                .contains("bob@example.test", "Alice Example", "1 GiB");
        assertThat(expectOk(tenmail.cli("", "group", "list"), "team@example.test").out()).contains("members", "alice@example.test");
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
}
