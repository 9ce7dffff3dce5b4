package io.tenmail.storage;

/**
 * The one checked exception the storage ports throw. Its {@link Reason} is protocol-neutral and
 * each protocol maps it to a reply in exactly one place.
 */
public class StoreException extends Exception {

    public enum Reason {
        NOT_FOUND, ALREADY_EXISTS, NOT_ALLOWED, OVER_QUOTA, TOO_BIG, IN_USE, INVALID, TEMPORARY
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
