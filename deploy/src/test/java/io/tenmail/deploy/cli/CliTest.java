package io.tenmail.deploy.cli;

import io.tenmail.deploy.SettingsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI without a server: help, usage errors and an unreachable or unconfigured server. */
class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger lookups = new AtomicInteger();

    private int run(AdminClient.Locator locator, String... args) {
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
                    lookups.incrementAndGet();
                    return locator.locate();
                });
        return cli.run(args);
    }

    private int run(String... args) {
        return run(() -> {
            throw new UnreachableException("no admin token in /x/admin-token: start it with 'tenmail serve'");
        }, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertThat(run("--help")).isEqualTo(Cli.OK);
        for (CommandSpec spec : Commands.ALL) assertThat(out()).contains("  " + spec.name());
        assertThat(out()).contains("Exit codes: 0 done, 1 refused by the server, 2 usage error, 3 server not reachable.");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void commandHelpShowsUsageAndOptions() {
        assertThat(run("group", "add", "--help")).isEqualTo(Cli.OK);
        assertThat(out()).startsWith("Usage: tenmail group add ADDRESS [OPTIONS]")
                .contains("--member ADDRESS", "--policy anyone|members|same-domain", "-h, --help");
    }

    @Test
    void groupHelpListsItsCommands() {
        assertThat(run("help", "alias")).isEqualTo(Cli.OK);
        assertThat(out()).startsWith("Usage: tenmail alias add|list|remove ...").contains("alias remove ADDRESS");
    }

    @Test
    void helpOnAnUnknownTopicIsAUsageError() {
        assertThat(run("help", "mailbox")).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: no help on 'mailbox'");
    }

    @Test
    void noCommandIsAUsageErrorWithAHint() {
        assertThat(run()).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("error: no command given" + System.lineSeparator()
                + "Run 'tenmail --help' for usage." + System.lineSeparator());
    }

    @Test
    void usageErrorsAreReportedBeforeTheServerIsLookedFor() {
        assertThat(run("user", "add", "alice@example.test")).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: give the password with --password-stdin (or --password P)")
                .contains("Run 'tenmail user add --help' for usage.");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void passwordAndPasswordStdinExcludeEachOther() {
        assertThat(run("user", "passwd", "alice@example.test", "--password", "x", "--password-stdin")).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: give either --password or --password-stdin, not both");
    }

    @Test
    void anEmptyStandardInputIsNoPassword() {
        assertThat(run("user", "passwd", "alice@example.test", "--password-stdin")).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: no password on standard input");
    }

    @Test
    void anUnreachableServerExitsWithThreeAndSaysHowToStartIt() {
        assertThat(run("domain", "list")).isEqualTo(Cli.UNREACHABLE);
        assertThat(err()).contains("error: no admin token").contains("tenmail serve");
        assertThat(out()).isEmpty();
    }

    @Test
    void anInvalidConfigurationIsReportedWithItsKey() {
        assertThat(run(() -> {
            throw new SettingsException("tenmail.http.port", "tenmail.http.port must be a port number from 1 to 65535, was \"x\"");
        }, "domain", "list")).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: tenmail.http.port must be a port number");
    }

    @Test
    void versionNeedsNoServer() {
        assertThat(run("version")).isEqualTo(Cli.OK);
        assertThat(out()).startsWith("tenmail ");
    }
}
