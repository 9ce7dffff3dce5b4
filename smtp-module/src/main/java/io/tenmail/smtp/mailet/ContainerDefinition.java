package io.tenmail.smtp.mailet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code mailetcontainer.xml} says, before any class is loaded: the processors in file order,
 * each with its matcher/mailet pairs and the line they were written on (for error messages).
 */
public record ContainerDefinition(Path file, List<ProcessorDefinition> processors) {
    public ContainerDefinition {
        processors = List.copyOf(processors);
    }

    /** One {@code <processor state="...">}. */
    public record ProcessorDefinition(String state, int line, List<MailetDefinition> mailets) {
        public ProcessorDefinition {
            mailets = List.copyOf(mailets);
        }
    }

    /**
     * One {@code <mailet match="Matcher=condition" class="Mailet">} with its init parameters
     * (child elements, in order).
     *
     * @param matcher           the matcher's class name as written ("All" when no match is given)
     * @param condition         what follows the first '=' of the match attribute
     * @param inverted          written as {@code notmatch=}: the recipients the matcher does not match
     * @param onMatchException  James semantics: "error" (default), "nomatch", "matchall" or a processor
     * @param onMailetException James semantics: "error" (default), "ignore" or a processor
     */
    public record MailetDefinition(int line, String matcher, Optional<String> condition, boolean inverted, String mailetClass,
                                   Map<String, String> parameters, String onMatchException, String onMailetException) {
        public MailetDefinition {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }
}
