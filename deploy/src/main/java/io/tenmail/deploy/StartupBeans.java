package io.tenmail.deploy;

import io.tenmail.storage.StorageSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;

import javax.net.ssl.SSLContext;

/**
 * Makes the values Main read once at start-up injectable: {@link StorageSettings} (consumed by
 * storage's producers) and the server's TLS {@link SSLContext} (for the protocol servers). The
 * MicroProfile {@code Config} itself is injectable through SmallRye Config's own CDI extension,
 * for modules that read their settings records from it.
 */
final class StartupBeans implements Extension {
    private final StorageSettings storage;
    private final SSLContext tls;

    StartupBeans(StorageSettings storage, SSLContext tls) {
        this.storage = storage;
        this.tls = tls;
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        event.addBean().beanClass(StorageSettings.class).types(StorageSettings.class, Object.class)
                .scope(Singleton.class).createWith(context -> storage);
        event.addBean().beanClass(SSLContext.class).types(SSLContext.class, Object.class)
                .scope(Singleton.class).createWith(context -> tls);
    }
}
