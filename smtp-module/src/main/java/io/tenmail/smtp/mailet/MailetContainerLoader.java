package io.tenmail.smtp.mailet;

import io.tenmail.smtp.mailet.ContainerDefinition.MailetDefinition;
import io.tenmail.smtp.mailet.ContainerDefinition.ProcessorDefinition;
import io.tenmail.storage.MailQueue;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mailet;
import org.apache.mailet.MailetContext;
import org.apache.mailet.Matcher;
import org.apache.mailet.base.MatcherInverter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link MailetContainer} from its definition: resolves every class, creates it through
 * the {@link MailetInstantiator}, calls init with the XML's parameters or condition, and checks
 * that "root" and "error" exist and that every processor a pair names does. Any problem is a
 * {@link ContainerConfigException} naming the file, the line and the class; whatever was created
 * by then is released.
 */
public final class MailetContainerLoader {
    /** Processors every configuration must have. */
    static final Set<String> REQUIRED = Set.of(MailQueue.ROOT, MailQueue.ERROR);

    private final MailetClasses classes;
    private final MailetInstantiator instantiator;
    private final MailetContext context;

    public MailetContainerLoader(MailetClasses classes, MailetInstantiator instantiator, MailetContext context) {
        this.classes = classes;
        this.instantiator = instantiator;
        this.context = context;
    }

    /** Parses the file and builds the container. */
    public MailetContainer load(Path file) throws ContainerConfigException {
        return build(ContainerConfigParser.parse(file));
    }

    public MailetContainer build(ContainerDefinition definition) throws ContainerConfigException {
        Path file = definition.file();
        Set<String> names = new java.util.HashSet<>();
        for (ProcessorDefinition p : definition.processors()) names.add(p.state());
        for (String required : REQUIRED) {
            if (!names.contains(required)) throw new ContainerConfigException(file, 0, "no <processor state=\"" + required + "\">");
        }
        List<AutoCloseable> created = new ArrayList<>();
        Map<String, List<ProcessorStep>> processors = new LinkedHashMap<>();
        try {
            for (ProcessorDefinition p : definition.processors()) {
                List<ProcessorStep> steps = new ArrayList<>();
                for (MailetDefinition m : p.mailets()) steps.add(step(file, m, names, created));
                processors.put(p.state(), steps);
            }
        } catch (ContainerConfigException | RuntimeException e) {
            new MailetContainer(processors, created).close();
            throw e;
        }
        return new MailetContainer(processors, created);
    }

    private ProcessorStep step(Path file, MailetDefinition m, Set<String> processors, List<AutoCloseable> created)
            throws ContainerConfigException {
        checkTarget(file, m, "onMatchException", m.onMatchException(), processors,
                Set.of(ProcessorStep.ERROR, ProcessorStep.NO_MATCH, ProcessorStep.MATCH_ALL));
        checkTarget(file, m, "onMailetException", m.onMailetException(), processors, Set.of(ProcessorStep.ERROR, ProcessorStep.IGNORE));
        String toProcessor = m.parameters().get("processor");
        if (toProcessor != null && m.mailetClass().endsWith("ToProcessor") && !processors.contains(toProcessor)) {
            throw new ContainerConfigException(file, m.line(), m.mailetClass() + ": no processor named \"" + toProcessor + "\"");
        }

        Class<? extends Matcher> matcherClass = classes.matcher(m.matcher()).orElseThrow(() -> new ContainerConfigException(file, m.line(),
                "no matcher class " + m.matcher() + " (short names are looked up in " + MailetClasses.MATCHER_PACKAGES + ")"));
        Class<? extends Mailet> mailetClass = classes.mailet(m.mailetClass()).orElseThrow(() -> new ContainerConfigException(file, m.line(),
                "no mailet class " + m.mailetClass() + " (short names are looked up in " + MailetClasses.MAILET_PACKAGES + ")"));

        Matcher matcher = create(file, m, matcherClass, created);
        try {
            matcher.init(new StepConfig(m.matcher(), Map.of(), m.condition(), context));
        } catch (MessagingException | RuntimeException e) {
            throw new ContainerConfigException(file, m.line(), "matcher " + matcherClass.getName()
                    + m.condition().map(c -> "=" + c).orElse("") + " refused its condition: " + message(e), e);
        }
        if (m.inverted()) matcher = new MatcherInverter(matcher);
        Mailet mailet = create(file, m, mailetClass, created);
        try {
            mailet.init(new StepConfig(m.mailetClass(), m.parameters(), java.util.Optional.empty(), context));
        } catch (MessagingException | RuntimeException e) {
            throw new ContainerConfigException(file, m.line(), "mailet " + mailetClass.getName() + " refused its parameters: " + message(e), e);
        }
        return new ProcessorStep(matcher, mailet, m.onMatchException(), m.onMailetException(),
                "line " + m.line() + " " + mailetClass.getSimpleName());
    }

    private <T> T create(Path file, MailetDefinition m, Class<T> type, List<AutoCloseable> created) throws ContainerConfigException {
        try {
            MailetInstantiator.Created<T> instance = instantiator.create(type);
            created.add(instance);
            return instance.instance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new ContainerConfigException(file, m.line(), "cannot create " + type.getName() + ": " + message(e), e);
        }
    }

    private static void checkTarget(Path file, MailetDefinition m, String parameter, String value, Set<String> processors, Set<String> keywords)
            throws ContainerConfigException {
        if (keywords.contains(value) || processors.contains(value)) return;
        throw new ContainerConfigException(file, m.line(), m.mailetClass() + ": " + parameter + " \"" + value
                + "\" is neither one of " + keywords + " nor a processor");
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e || e.getMessage() == null || e.getMessage().contains(text) ? text : e.getMessage() + ": " + text;
    }
}
