package io.tenmail.smtp.mailet;

import org.apache.mailet.Mailet;
import org.apache.mailet.Matcher;

import java.util.List;
import java.util.Optional;

/**
 * Resolves the class names written in mailetcontainer.xml. A name with a dot is a fully-qualified
 * class name; a short name is looked up in Tenmail's own mailets first, then in the James standard
 * library (apache-mailet-standard), in this fixed order, without scanning the class path.
 */
public final class MailetClasses {
    /** Where short mailet names are looked up, in order. */
    public static final List<String> MAILET_PACKAGES = List.of("io.tenmail.smtp.mailets", "org.apache.james.transport.mailets");
    /** Where short matcher names are looked up, in order. */
    public static final List<String> MATCHER_PACKAGES = List.of("io.tenmail.smtp.mailets", "io.tenmail.smtp.spam.policy",
            "org.apache.james.transport.matchers");

    private final ClassLoader loader;

    public MailetClasses(ClassLoader loader) {
        this.loader = loader;
    }

    public Optional<Class<? extends Mailet>> mailet(String name) {
        return find(name, MAILET_PACKAGES, Mailet.class);
    }

    public Optional<Class<? extends Matcher>> matcher(String name) {
        return find(name, MATCHER_PACKAGES, Matcher.class);
    }

    private <T> Optional<Class<? extends T>> find(String name, List<String> packages, Class<T> type) {
        if (name.contains(".")) return load(name, type);
        for (String p : packages) {
            Optional<Class<? extends T>> found = load(p + "." + name, type);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private <T> Optional<Class<? extends T>> load(String className, Class<T> type) {
        try {
            Class<?> c = Class.forName(className, false, loader);
            return type.isAssignableFrom(c) ? Optional.of(c.asSubclass(type)) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
