package io.tenmail.smtp.mailet;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;

/**
 * Creates mailets and matchers through CDI's {@link Unmanaged}: the class needs not be a bean, its
 * {@code @Inject} constructor, fields and methods are served from the container, and
 * {@code @PostConstruct}/{@code @PreDestroy} run. James standard mailets (no-arg constructors)
 * are created the same way.
 */
public final class CdiMailetInstantiator implements MailetInstantiator {
    private final BeanManager beans;

    public CdiMailetInstantiator(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public <T> Created<T> create(Class<T> type) {
        Unmanaged.UnmanagedInstance<T> unmanaged = new Unmanaged<>(beans, type).newInstance();
        T instance = unmanaged.produce().inject().postConstruct().get();
        return new Created<>() {
            @Override
            public T instance() {
                return instance;
            }

            @Override
            public void close() {
                unmanaged.preDestroy().dispose();
            }
        };
    }
}
