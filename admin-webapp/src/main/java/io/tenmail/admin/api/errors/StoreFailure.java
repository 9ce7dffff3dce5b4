package io.tenmail.admin.api.errors;

import io.tenmail.storage.StoreException;

/**
 * A {@link StoreException} where a checked exception cannot be thrown (filters, lambdas); mapped
 * exactly like the StoreException it carries.
 */
public final class StoreFailure extends RuntimeException {
    public StoreFailure(StoreException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    public StoreException store() {
        return (StoreException) getCause();
    }
}
