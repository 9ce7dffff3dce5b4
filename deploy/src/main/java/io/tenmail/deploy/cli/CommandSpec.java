package io.tenmail.deploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One CLI command: its words ({@code user add}), operands, options, help text and the code that
 * runs it. Built with {@link #command}; the whole table is in {@link Commands}.
 *
 * @param group       first word ("user")
 * @param action      second word ("add"), or null for single-word commands ("serve")
 * @param operands    usage of the operands, e.g. {@code ADDRESS TARGET...}
 * @param minOperands fewest operands
 * @param maxOperands most operands ({@link Integer#MAX_VALUE} for "...")
 */
record CommandSpec(String group, String action, String operands, int minOperands, int maxOperands,
                   List<OptionSpec> options, String summary, List<String> notes, Handler handler) {

    /** Runs a parsed invocation against the API. */
    @FunctionalInterface
    interface Handler {
        void run(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException;
    }

    /**
     * @param valueName  what the value is called in help ("BYTES"), null for a flag
     * @param repeatable whether it may be given more than once (--member)
     */
    record OptionSpec(String name, String valueName, boolean repeatable, String description) {
        boolean takesValue() {
            return valueName != null;
        }

        String usage() {
            return "--" + name + (takesValue() ? " " + valueName : "");
        }
    }

    /** The command's words: "user add", "serve". */
    String name() {
        return action == null ? group : group + " " + action;
    }

    /** {@code tenmail user add ADDRESS [--name N] ...}. */
    String usage() {
        StringBuilder sb = new StringBuilder("tenmail ").append(name());
        if (!operands.isEmpty()) sb.append(' ').append(operands);
        return sb.toString();
    }

    Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    static Builder command(String group, String action, String summary) {
        return new Builder(group, action, summary);
    }

    static final class Builder {
        private final String group;
        private final String action;
        private final String summary;
        private String operands = "";
        private int min;
        private int max;
        private final List<OptionSpec> options = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String group, String action, String summary) {
            this.group = group;
            this.action = action;
            this.summary = summary;
        }

        Builder operands(String usage, int min, int max) {
            this.operands = usage;
            this.min = min;
            this.max = max;
            return this;
        }

        Builder option(String name, String valueName, String description) {
            options.add(new OptionSpec(name, valueName, false, description));
            return this;
        }

        Builder repeatableOption(String name, String valueName, String description) {
            options.add(new OptionSpec(name, valueName, true, description));
            return this;
        }

        Builder flag(String name, String description) {
            options.add(new OptionSpec(name, null, false, description));
            return this;
        }

        Builder note(String text) {
            notes.add(text);
            return this;
        }

        CommandSpec runs(Handler handler) {
            return new CommandSpec(group, action, operands, min, max, List.copyOf(options), summary, List.copyOf(notes), handler);
        }
    }
}
