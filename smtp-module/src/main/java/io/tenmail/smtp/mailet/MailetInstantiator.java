package io.tenmail.smtp.mailet;

/**
 * Creates the mailet and matcher instances of the container. In the server this is CDI
 * ({@link CdiMailetInstantiator}), so mailets may {@code @Inject} services.
 */
public interface MailetInstantiator {

    /** An instance and how to let it go when the container closes. */
    interface Created<T> extends AutoCloseable {
        T instance();

        @Override
        void close();
    }

    /**
     * A new instance of {@code type}.
     *
     * @throws ReflectiveOperationException or a runtime exception when it cannot be made
     */
    <T> Created<T> create(Class<T> type) throws ReflectiveOperationException;
}
