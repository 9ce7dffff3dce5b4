package io.tenmail.storage.model;

/**
 * Names one delivery of one mail to one account, e.g. {@code q81:a12} for queue entry 81 and
 * account 12, so that a delivery replayed after a crash is recognised and not stored twice
 * (docs/adr/0009-exactly-once-local-delivery.md). Printable ASCII, 1 to 100 characters.
 */
public record DeliveryKey(String value) {
    public static final int MAX_LENGTH = 100;

    public DeliveryKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a delivery key has 1 to " + MAX_LENGTH + " characters: " + value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') throw new IllegalArgumentException("a delivery key is printable ASCII: " + value);
        }
    }

    /** The key of delivering queue entry {@code entry} to {@code account}. */
    public static DeliveryKey of(QueueEntryId entry, AccountId account) {
        return new DeliveryKey("q" + entry.value() + ":a" + account.value());
    }
}
