package io.tenmail.admin.api;

import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.directory.IpNetwork;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.SendPolicy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses and checks what a client sends: body fields and query parameters fail with
 * {@link InvalidInputException} (400, message starting with the field's name); path keys that
 * cannot name anything fail with NOT_FOUND (404), as a well-formed key that names nothing would.
 */
final class Input {
    static final int MAX_PASSWORD = 1024;
    static final int MAX_LIST = 1000;

    private Input() {
    }

    static <T> T required(String field, T value) {
        if (value == null) throw new InvalidInputException(field, "is required");
        return value;
    }

    /**
     * A required, non-blank name, stripped. How long a name may be is the directory's rule (it
     * answers INVALID naming the field), not repeated here.
     */
    static String name(String field, String value) {
        String v = required(field, value).strip();
        if (v.isEmpty()) throw new InvalidInputException(field, "must not be blank");
        return v;
    }

    /** An optional display name, stripped: absent is empty. Its length is the directory's to check. */
    static String displayName(String field, String value) {
        return value == null ? "" : value.strip();
    }

    static String password(String field, String value) {
        String v = required(field, value);
        if (v.isBlank()) throw new InvalidInputException(field, "must not be empty");
        // A cap keeps a huge body from costing a huge hash.
        if (v.length() > MAX_PASSWORD) throw new InvalidInputException(field, "is longer than " + MAX_PASSWORD + " characters");
        return v;
    }

    static EmailAddress address(String field, String value) {
        required(field, value);
        try {
            return EmailAddress.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    /** A list of addresses, each checked and named by its index ({@code targets[2]: ...}). */
    static List<EmailAddress> addresses(String field, List<String> values, boolean mayBeEmpty) {
        required(field, values);
        if (!mayBeEmpty && values.isEmpty()) throw new InvalidInputException(field, "must name at least one address");
        if (values.size() > MAX_LIST) throw new InvalidInputException(field, "has more than " + MAX_LIST + " entries");
        List<EmailAddress> parsed = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            parsed.add(address(field + "[" + i + "]", values.get(i)));
        }
        return parsed;
    }

    static String domainName(String field, String value) {
        required(field, value);
        try {
            return EmailAddress.normalizeDomain(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "not a valid domain name: " + value);
        }
    }

    static long nonNegative(String field, Long value, long absent) {
        if (value == null) return absent;
        if (value < 0) throw new InvalidInputException(field, "must not be negative");
        return value;
    }

    static long requiredNonNegative(String field, Long value) {
        return nonNegative(field, required(field, value), 0);
    }

    static Set<Protocol> protocols(String field, List<String> values) {
        required(field, values);
        Set<Protocol> set = EnumSet.noneOf(Protocol.class);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            try {
                set.add(Protocol.valueOf(required(field + "[" + i + "]", v).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field + "[" + i + "]", "unknown protocol " + v + " (one of " + names(Protocol.values()) + ")");
            }
        }
        return set;
    }

    static SendPolicy sendPolicy(String field, String value) {
        try {
            return SendPolicy.valueOf(required(field, value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "unknown policy " + value + " (one of " + names(SendPolicy.values()) + ")");
        }
    }

    /** An ISO-8601 instant ({@code 2030-01-01T00:00:00Z}) or date-time with offset. */
    static Instant instant(String field, String value) {
        String v = required(field, value).strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(field, "not an ISO-8601 time such as 2030-01-31T12:00:00Z: " + value);
            }
        }
    }

    /**
     * IP addresses or CIDR blocks ({@code 192.0.2.0/24}, {@code 2001:db8::/32}), as the directory
     * reads them ({@link IpNetwork}: no DNS look-up), each refusal naming its index.
     */
    static List<String> networks(String field, List<String> values) {
        if (values == null) return List.of();
        if (values.size() > MAX_LIST) throw new InvalidInputException(field, "has more than " + MAX_LIST + " entries");
        List<String> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String name = field + "[" + i + "]";
            String v = required(name, values.get(i)).strip();
            try {
                IpNetwork.parse(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(name, e.getMessage());
            }
            result.add(v);
        }
        return result;
    }

    /** A query parameter holding a whole number within bounds, or its default when absent. */
    static int intParam(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) return absent;
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "not a whole number: " + value);
        }
        if (n < min || n > max) throw new InvalidInputException(name, "must be between " + min + " and " + max);
        return n;
    }

    /** A positive id in a query parameter or body, or null when absent. */
    static Long idParam(String name, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // reported below, like a non-positive number
        }
        throw new InvalidInputException(name, "not an id: " + value);
    }

    /** The id in a path; one that cannot exist is answered like one that does not. */
    static long pathId(String what, String value) throws StoreException {
        try {
            long id = Long.parseLong(value);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // not a number: no such thing, below
        }
        throw new StoreException(StoreException.Reason.NOT_FOUND, what + " " + value + " not found");
    }

    /** The address in a path; one that cannot exist is answered like one that does not. */
    static EmailAddress pathAddress(String what, String value) throws StoreException {
        try {
            return EmailAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, what + " " + value + " not found");
        }
    }

    /** The domain name in a path, normalised; one that cannot exist is answered like one that does not. */
    static String pathDomain(String value) throws StoreException {
        try {
            return EmailAddress.normalizeDomain(value);
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "domain " + value + " not found");
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
