package io.tenmail.smtp.mailet;

import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;
import org.apache.mailet.MatcherConfig;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a mailet or matcher is given at init: its name, init parameters or condition, and the context. */
final class StepConfig implements MailetConfig, MatcherConfig {
    private final String name;
    private final Map<String, String> parameters;
    private final Optional<String> condition;
    private final MailetContext context;

    StepConfig(String name, Map<String, String> parameters, Optional<String> condition, MailetContext context) {
        this.name = name;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.condition = condition;
        this.context = context;
    }

    @Override
    public String getInitParameter(String key) {
        return parameters.get(key);
    }

    @Override
    public Iterator<String> getInitParameterNames() {
        return parameters.keySet().iterator();
    }

    @Override
    public MailetContext getMailetContext() {
        return context;
    }

    @Override
    public String getMailetName() {
        return name;
    }

    @Override
    public String getCondition() {
        return condition.orElse(null);
    }

    @Override
    public String getMatcherName() {
        return name;
    }
}
