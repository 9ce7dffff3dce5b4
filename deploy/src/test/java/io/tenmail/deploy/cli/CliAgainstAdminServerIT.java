package io.tenmail.deploy.cli;

import io.tenmail.admin.AdminBackend;
import io.tenmail.admin.AdminServer;
import io.tenmail.admin.AdminSettings;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.jpa.Database;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.jpa.JpaApiTokens;
import io.tenmail.storage.jpa.JpaAuditLog;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.JpaMailQueue;
import io.tenmail.storage.jpa.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CLI command against the real admin API: {@link AdminServer} over the JPA directory on
 * embedded Derby, in this JVM. Where {@code CliAgainstApiIT} pins the requests the CLI sends, this
 * shows that the server understands them and that its answers and refusals print well.
 */
class CliAgainstAdminServerIT {
    private static final String TOKEN = "cli-test-token-3b8e";
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static Database database;
    private static AdminServer server;
    private static URI apiBase;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void start() {
        database = new Database(StorageSettings.embedded(dataDir));
        Transactions tx = new Transactions(database.entityManagerFactory());
        server = new AdminServer(new AdminSettings("127.0.0.1", 0), new AdminBackend(new JpaDirectoryAdmin(tx), null,
                new JpaMailQueue(tx), new JpaAuditLog(tx), new JpaApiTokens(tx), LoginThrottle.withDefaults()), TOKEN);
        server.start();
        apiBase = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (database != null) database.close();
    }

    private static Result cli(String stdin, String... args) {
        return cliWithToken(TOKEN, stdin, args);
    }

    private static Result cliWithToken(String token, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> new ServerEndpoint(apiBase, token, dataDir.resolve("admin-token")))
                .run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String ok(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        return r.out().replace(System.lineSeparator(), "\n");
    }

    /** Exit code 1 and one line: the server's message. */
    private static String refused(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Cli.REFUSED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).as(r.toString()).singleElement().satisfies(line -> assertThat(line).startsWith("error: "));
        return r.err().strip();
    }

    private static String uniqueDomain() {
        return "cli" + UNIQUE.incrementAndGet() + ".example.test";
    }

    @Test
    void aDomainWithAccountsAnAliasAndAGroupIsManagedAndRemoved() {
        String d = uniqueDomain();
        assertThat(ok(cli("", "domain", "add", d))).matches("domain " + Pattern.quote(d) + " added \\(tenant \\d+\\)\\R");
        assertThat(ok(cli("s3cret-Passw0rd\n", "user", "add", "alice@" + d, "--password-stdin", "--name", "Alice Example", "--quota", "1G")))
                .isEqualTo("account alice@" + d + " added\n");
        ok(cli("", "user", "add", "bob@" + d, "--password", "An0ther-Passw0rd"));
        assertThat(ok(cli("", "alias", "add", "info@" + d, "alice@" + d, "ext@elsewhere.test")))
                .isEqualTo("alias info@" + d + " -> alice@" + d + ", ext@elsewhere.test added\n");
        assertThat(ok(cli("", "group", "add", "team@" + d, "--member", "alice@" + d, "--member", "bob@" + d, "--policy", "members")))
                .isEqualTo("group team@" + d + " added (2 members, policy members)\n");

        assertThat(ok(cli("", "user", "list", d)).lines()).containsExactly(
                "ADDRESS" + " ".repeat(d.length() + 1) + "NAME           QUOTA      ENABLED  PROTOCOLS",
                "alice@" + d + "  Alice Example  1 GiB      yes      SMTP, IMAP, POP3",
                "bob@" + d + "    -              unlimited  yes      SMTP, IMAP, POP3");
        assertThat(ok(cli("", "alias", "list", d))).contains("info@" + d + "  alice@" + d + ", ext@elsewhere.test");
        assertThat(ok(cli("", "group", "list", d))).contains("team@" + d, "members", "alice@" + d + ", bob@" + d);
        assertThat(ok(cli("", "domain", "list"))).contains(d);
        assertThat(ok(cli("n3w-Passw0rd\n", "user", "passwd", "alice@" + d, "--password-stdin"))).isEqualTo("password of alice@" + d + " changed\n");

        assertThat(refused(cli("", "domain", "remove", d))).isEqualTo("error: domain " + d + " still has accounts, aliases or groups");
        assertThat(ok(cli("", "group", "remove", "team@" + d))).isEqualTo("group team@" + d + " removed\n");
        assertThat(ok(cli("", "alias", "remove", "info@" + d))).isEqualTo("alias info@" + d + " removed\n");
        ok(cli("", "user", "remove", "alice@" + d));
        ok(cli("", "user", "remove", "bob@" + d));
        assertThat(ok(cli("", "user", "list", d))).isEqualTo("no accounts\n");
        assertThat(ok(cli("", "domain", "remove", d))).isEqualTo("domain " + d + " removed\n");
    }

    @Test
    void refusalsPrintTheServersReasonAndExitWithOne() {
        String d = uniqueDomain();
        ok(cli("", "domain", "add", d));
        assertThat(refused(cli("", "domain", "add", d))).isEqualTo("error: domain " + d + " already exists");
        assertThat(refused(cli("", "alias", "add", "info@" + d, "nobody@" + d)))
                .isEqualTo("error: targets: no account, alias or group has the address nobody@" + d);
        assertThat(refused(cli("", "user", "add", "bob", "--password", "x"))).startsWith("error: address: ");
        assertThat(refused(cli("", "user", "remove", "ghost@" + d))).isEqualTo("error: account ghost@" + d + " not found");
        assertThat(refused(cli("", "user", "list", "nowhere.example.test"))).isEqualTo("error: domain nowhere.example.test not found");
        assertThat(refused(cli("", "domain", "list", "--tenant", "424242"))).isEqualTo("error: tenant 424242 not found");
        assertThat(refused(cli("", "domain", "add", uniqueDomain(), "--tenant", "424242"))).isEqualTo("error: tenant 424242 not found");
    }

    @Test
    void aTenantsLimitsAndFiltersApply() {
        String name = "Acme " + UNIQUE.incrementAndGet();
        Matcher added = Pattern.compile("tenant (\\d+) \\(" + name + "\\) added\\R")
                .matcher(ok(cli("", "tenant", "add", name, "--max-accounts", "1", "--max-storage", "1G")));
        assertThat(added.matches()).isTrue();
        String tenant = added.group(1);
        String d = uniqueDomain();
        String other = uniqueDomain();
        assertThat(ok(cli("", "domain", "add", d, "--tenant", tenant))).isEqualTo("domain " + d + " added (tenant " + tenant + ")\n");
        ok(cli("", "domain", "add", other));
        ok(cli("", "user", "add", "a@" + d, "--password", "pass-a-123"));
        ok(cli("", "user", "add", "b@" + other, "--password", "pass-b-123"));

        assertThat(refused(cli("", "user", "add", "c@" + d, "--password", "pass-c-123"))).isEqualTo("error: tenant " + tenant + " may have at most 1 account");
        assertThat(ok(cli("", "tenant", "list"))).containsPattern(tenant + " +" + name + " +1 +1 GiB +no");
        assertThat(ok(cli("", "domain", "list", "--tenant", tenant)).lines()).hasSize(2).last().asString().startsWith(d);
        assertThat(ok(cli("", "user", "list", "--tenant", tenant))).contains("a@" + d).doesNotContain("b@" + other);
        assertThat(ok(cli("", "alias", "list", "--tenant", tenant))).isEqualTo("no aliases\n");
        assertThat(ok(cli("", "group", "list", "--tenant", tenant))).isEqualTo("no groups\n");

        assertThat(refused(cli("", "tenant", "remove", tenant))).isEqualTo("error: tenant " + tenant + " still owns domains; remove them first");
        ok(cli("", "user", "remove", "a@" + d));
        ok(cli("", "domain", "remove", d));
        assertThat(ok(cli("", "tenant", "remove", tenant))).isEqualTo("tenant " + tenant + " removed\n");
        assertThat(refused(cli("", "tenant", "remove", tenant))).isEqualTo("error: tenant " + tenant + " not found");
    }

    @Test
    void aWrongTokenIsRefusedWithAHintAboutTheDataDirectory() {
        Result r = cliWithToken("not-the-token", "", "tenant", "list");
        assertThat(refused(r)).startsWith("error: invalid token (the token in " + dataDir.resolve("admin-token") + " was refused");
    }
}
