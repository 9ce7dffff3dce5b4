package io.tenmail.deploy.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The help texts, generated from the command table so that they cannot drift from the parser. */
final class Help {
    private static final int COLUMN = 34;

    private Help() {
    }

    /** Prints help on {@code topic} ("", a group, or a command); false when there is no such topic. */
    static boolean print(String topic, List<CommandSpec> commands, PrintStream out) {
        String t = topic.trim().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            overview(commands, out);
            return true;
        }
        for (CommandSpec spec : commands) {
            if (spec.name().equals(t)) {
                command(spec, out);
                return true;
            }
        }
        List<CommandSpec> group = commands.stream().filter(c -> c.group().equals(t)).toList();
        if (group.isEmpty()) return false;
        out.println("Usage: tenmail " + t + " " + String.join("|", group.stream().map(CommandSpec::action).toList()) + " ...");
        out.println();
        for (CommandSpec spec : group) line(spec, out);
        out.println();
        out.println("Run 'tenmail " + group.get(0).name() + " --help' for a command's options.");
        return true;
    }

    private static void overview(List<CommandSpec> commands, PrintStream out) {
        out.println("Usage: tenmail COMMAND [ARGUMENTS] [OPTIONS]");
        out.println();
        out.println("Tenmail, a multi-tenant mail server, and its administration.");
        Map<String, List<CommandSpec>> byTitle = new LinkedHashMap<>();
        for (CommandSpec spec : commands) byTitle.computeIfAbsent(Commands.title(spec.group()), k -> new java.util.ArrayList<>()).add(spec);
        byTitle.forEach((title, specs) -> {
            out.println();
            out.println(title + ":");
            for (CommandSpec spec : specs) line(spec, out);
        });
        out.println();
        out.println("Run 'tenmail COMMAND --help' for a command's options, e.g. 'tenmail user add --help'.");
        out.println();
        out.println("The commands talk to the running server on tenmail.http.port, with the token in");
        out.println("<data dir>/admin-token. They find both the way the server does: set TENMAIL_DATA_DIR");
        out.println("(and any TENMAIL_* setting) as for the server.");
        out.println();
        out.println("Exit codes: 0 done, 1 refused by the server, 2 usage error, 3 server not reachable.");
    }

    private static void command(CommandSpec spec, PrintStream out) {
        out.println("Usage: " + spec.usage() + (spec.options().isEmpty() ? "" : " [OPTIONS]"));
        out.println();
        out.println(spec.summary() + ".");
        for (String note : spec.notes()) out.println(note);
        out.println();
        out.println("Options:");
        for (CommandSpec.OptionSpec option : spec.options()) {
            out.println("  " + pad(option.usage()) + option.description());
        }
        out.println("  " + pad("-h, --help") + "show this help");
    }

    private static void line(CommandSpec spec, PrintStream out) {
        String words = spec.name() + (spec.operands().isEmpty() ? "" : " " + spec.operands());
        out.println("  " + pad(words) + spec.summary());
    }

    private static String pad(String s) {
        return s.length() >= COLUMN ? s + "  " : s + " ".repeat(COLUMN - s.length());
    }
}
