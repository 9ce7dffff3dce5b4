package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.EmailAddress;

/**
 * Checks of the values an administrator sends; each failure is INVALID with a message that
 * starts with the name of the field, as the admin API shows it.
 */
final class Inputs {
    private Inputs() {
    }

    static StoreException invalid(String field, String problem) {
        return new StoreException(Reason.INVALID, field + ": " + problem);
    }

    /** A required text, stripped, at most {@code max} characters, without control characters. */
    static String text(String field, String value, int max) throws StoreException {
        if (value == null || value.isBlank()) throw invalid(field, "must not be empty");
        return optionalText(field, value, max);
    }

    /** An optional text, stripped (empty when null), at most {@code max} characters, without control characters. */
    static String optionalText(String field, String value, int max) throws StoreException {
        if (value == null) return "";
        String s = value.strip();
        if (s.length() > max) throw invalid(field, "must be at most " + max + " characters");
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) throw invalid(field, "must not contain control characters");
        return s;
    }

    static long notNegative(String field, long value) throws StoreException {
        if (value < 0) throw invalid(field, "must not be negative");
        return value;
    }

    static <T> T required(String field, T value) throws StoreException {
        if (value == null) throw invalid(field, "is required");
        return value;
    }

    /** A domain name in its normalised (lower-case Unicode) form. */
    static String domainName(String field, String name) throws StoreException {
        if (name == null || name.isBlank()) throw invalid(field, "must not be empty");
        try {
            String normalized = EmailAddress.normalizeDomain(name.strip());
            if (!normalized.contains(".")) throw invalid(field, "must be a fully qualified domain name: " + name);
            return normalized;
        } catch (IllegalArgumentException e) {
            throw invalid(field, "not a valid domain name: " + name);
        }
    }
}
