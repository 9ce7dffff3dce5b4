package io.tenmail.deploy.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed command line for one {@link CommandSpec}: its operands and options, with typed reads
 * that turn a bad value into a {@link UsageException} naming the option.
 *
 * @param options option name (without "--") to its values in order; flags have one empty value
 */
record Invocation(CommandSpec spec, List<String> operands, Map<String, List<String>> options) implements ParsedCommand {

    Invocation {
        operands = List.copyOf(operands);
        options = Map.copyOf(options);
    }

    String operand(int index) {
        return operands.get(index);
    }

    Optional<String> optionalOperand(int index) {
        return index < operands.size() ? Optional.of(operands.get(index)) : Optional.empty();
    }

    Optional<String> value(String option) {
        List<String> values = options.get(option);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> values(String option) {
        return options.getOrDefault(option, List.of());
    }

    boolean flag(String option) {
        return options.containsKey(option);
    }

    /** A byte count such as {@code 1073741824} or {@code 1G}. */
    Optional<Long> bytes(String option) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) return Optional.empty();
        long bytes = ByteSize.parse(text.get());
        if (bytes < 0) throw usage("--" + option + " must be a number of bytes such as 1073741824 or 1G, was '" + text.get() + "'");
        return Optional.of(bytes);
    }

    /** A whole number of at least 0. */
    Optional<Long> count(String option) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) return Optional.empty();
        try {
            long value = Long.parseLong(text.get().trim());
            if (value >= 0) return Optional.of(value);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("--" + option + " must be a whole number, was '" + text.get() + "'");
    }

    /** An id such as a tenant's: a whole number of at least 1. */
    Optional<Long> id(String option) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) return Optional.empty();
        try {
            long value = Long.parseLong(text.get().trim());
            if (value >= 1) return Optional.of(value);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("--" + option + " must be an id such as 3 (see 'tenmail tenant list'), was '" + text.get() + "'");
    }

    /** The {@code domain} operand and {@code --tenant} option of the list commands, as API query parameters. */
    Map<String, String> listFilter() throws UsageException {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        optionalOperand(0).ifPresent(domain -> query.put("domain", domain));
        id("tenant").ifPresent(tenant -> query.put("tenant", tenant.toString()));
        return query;
    }

    /** One of the keys of {@code choices} (case-insensitive), mapped to its value. */
    Optional<String> choice(String option, Map<String, String> choices) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) return Optional.empty();
        String mapped = choices.get(text.get().trim().toLowerCase(java.util.Locale.ROOT));
        if (mapped == null) {
            throw usage("--" + option + " must be one of " + String.join(", ", choices.keySet().stream().sorted().toList())
                    + ", was '" + text.get() + "'");
        }
        return Optional.of(mapped);
    }

    UsageException usage(String message) {
        return new UsageException(message, spec.name());
    }
}
