package io.tenmail.deploy.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code args} into a {@link ParsedCommand} against a table of {@link CommandSpec}s.
 * Conventions: one or two command words, then operands and options in any order;
 * {@code --name value} or {@code --name=value}; {@code --} ends the options;
 * {@code -h}/{@code --help} anywhere asks for help on what came before it.
 */
final class CliParser {
    private static final Set<String> HELP = Set.of("-h", "--help", "help");

    private final List<CommandSpec> commands;

    CliParser(List<CommandSpec> commands) {
        this.commands = commands;
    }

    ParsedCommand parse(String... args) throws UsageException {
        if (args.length == 0) throw new UsageException("no command given", "");
        if (HELP.contains(args[0])) return new ParsedCommand.HelpRequest(String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
        String first = args[0].equals("--version") ? "version" : args[0];
        if (first.startsWith("-")) throw new UsageException("unknown option " + first, "");

        List<CommandSpec> group = commands.stream().filter(c -> c.group().equals(first)).toList();
        if (group.isEmpty()) throw new UsageException("unknown command '" + first + "'", "");

        CommandSpec spec;
        int next;
        if (group.size() == 1 && group.get(0).action() == null) {
            spec = group.get(0);
            next = 1;
        } else {
            String actions = String.join(", ", group.stream().map(CommandSpec::action).toList());
            if (args.length == 1) throw new UsageException("'" + first + "' needs one of: " + actions, first);
            if (HELP.contains(args[1])) return new ParsedCommand.HelpRequest(first);
            spec = group.stream().filter(c -> c.action().equals(args[1])).findFirst()
                    .orElseThrow(() -> new UsageException("unknown command '" + first + " " + args[1] + "'; '" + first + "' takes " + actions, first));
            next = 2;
        }
        return parseArguments(spec, Arrays.copyOfRange(args, next, args.length));
    }

    private static ParsedCommand parseArguments(CommandSpec spec, String[] args) throws UsageException {
        String topic = spec.name();
        List<String> operands = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) return new ParsedCommand.HelpRequest(topic);
            if (!arg.startsWith("--")) throw new UsageException("unknown option " + arg + " for '" + topic + "'", topic);

            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            CommandSpec.OptionSpec option = spec.option(name)
                    .orElseThrow(() -> new UsageException("unknown option --" + name + " for '" + topic + "'", topic));
            String value;
            if (option.takesValue()) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("--" + name + " needs a value (" + option.valueName() + ")", topic);
                }
            } else {
                if (equals >= 0) throw new UsageException("--" + name + " takes no value", topic);
                value = "";
            }
            List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
            if (!values.isEmpty() && !option.repeatable()) throw new UsageException("--" + name + " is given more than once", topic);
            values.add(value);
        }
        if (operands.size() < spec.minOperands()) {
            String[] names = spec.operands().replace("[", "").replace("]", "").replace("...", "").split(" ");
            String missing = names[Math.min(operands.size(), names.length - 1)];
            throw new UsageException("missing " + missing + "; usage: " + spec.usage(), topic);
        }
        if (operands.size() > spec.maxOperands()) {
            throw new UsageException("unexpected argument '" + operands.get(spec.maxOperands()) + "'; usage: " + spec.usage(), topic);
        }
        return new Invocation(spec, operands, options);
    }
}
