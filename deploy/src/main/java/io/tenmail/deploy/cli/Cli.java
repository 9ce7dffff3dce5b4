package io.tenmail.deploy.cli;

import io.tenmail.deploy.SettingsException;
import io.tenmail.deploy.Version;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The admin CLI: parses a command line, runs it against the server's REST API, prints the result
 * on {@code out} and problems on {@code err} as {@code error: ...}; returns the exit code.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final AdminClient.Locator locator;
    private final CliParser parser = new CliParser(Commands.ALL);

    /**
     * @param in      where --password-stdin reads from
     * @param locator finds the server; called only when a command needs it
     */
    public Cli(InputStream in, PrintStream out, PrintStream err, AdminClient.Locator locator) {
        this.in = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        this.out = out;
        this.err = err;
        this.locator = locator;
    }

    public int run(String... args) {
        try {
            ParsedCommand parsed = parser.parse(args);
            if (parsed instanceof ParsedCommand.HelpRequest help) {
                if (Help.print(help.topic(), Commands.ALL, out)) return OK;
                throw new UsageException("no help on '" + help.topic() + "'", "");
            }
            Invocation invocation = (Invocation) parsed;
            invocation.spec().handler().run(invocation, new AdminClient(locator), new CliIo(in, out));
            return OK;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'tenmail " + (e.helpTopic().isEmpty() ? "" : e.helpTopic() + " ") + "--help' for usage.");
            return USAGE;
        } catch (ApiException e) {
            err.println("error: " + e.getMessage());
            return REFUSED;
        } catch (UnreachableException e) {
            err.println("error: " + e.getMessage());
            return UNREACHABLE;
        } catch (SettingsException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException e) {
            // an answer of an unexpected shape: a server of another version?
            err.println("error: " + e.getMessage());
            return REFUSED;
        }
    }

    static void serveIsNotACliCommand(Invocation invocation, AdminClient api, CliIo io) throws UsageException {
        throw invocation.usage("'tenmail serve' starts the server and takes no arguments");
    }

    static void printVersion(Invocation invocation, AdminClient api, CliIo io) {
        io.out().println("tenmail " + Version.current());
    }
}
