package io.tenmail.smtp.mailet;

import jakarta.inject.Inject;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates mailets for tests without a CDI container: the {@code @Inject} constructor gets the
 * services given here (by type), otherwise the no-arg constructor is used.
 */
public final class ServiceInstantiator implements MailetInstantiator {
    private final List<Object> services;

    public ServiceInstantiator(Object... services) {
        this.services = List.of(services);
    }

    @Override
    public <T> Created<T> create(Class<T> type) throws ReflectiveOperationException {
        T instance = null;
        for (Constructor<?> c : type.getConstructors()) {
            if (!c.isAnnotationPresent(Inject.class)) continue;
            List<Object> arguments = new ArrayList<>();
            for (Class<?> p : c.getParameterTypes()) arguments.add(service(type, p));
            instance = type.cast(c.newInstance(arguments.toArray()));
        }
        if (instance == null) instance = type.getConstructor().newInstance();
        T created = instance;
        return new Created<>() {
            @Override
            public T instance() {
                return created;
            }

            @Override
            public void close() {
                // nothing to release without CDI
            }
        };
    }

    private Object service(Class<?> owner, Class<?> type) {
        return services.stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException(owner.getSimpleName() + " needs a " + type.getSimpleName() + " that the test did not give"));
    }
}
