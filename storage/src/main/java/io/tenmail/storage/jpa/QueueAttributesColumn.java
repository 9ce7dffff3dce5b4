package io.tenmail.storage.jpa;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A queue entry's attributes as one value of QUEUE_ENTRY.ATTRIBUTES (changelog 0011, ADR 0020):
 * each name and value as {@code <length>:<characters>}, one after the other, so no character
 * needs escaping ("2:ab3:xyz" is {ab=xyz}; no attributes is the empty string). One column instead of
 * a QUEUE_ATTRIBUTE row per attribute saves their inserts, deletes and primary-key maintenance.
 * Attributes longer together than {@link #MAX_LENGTH} stay in QUEUE_ATTRIBUTE rows, as do those of
 * entries queued before 0011 (the column is NULL for both).
 */
final class QueueAttributesColumn {
    /** The column's length: below Derby's VARCHAR limit (32,672). */
    static final int MAX_LENGTH = 32_000;

    private QueueAttributesColumn() {
    }

    /** The column's value, or empty when the attributes do not fit (they go in rows). */
    static Optional<String> encode(Map<String, String> attributes) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            append(s, a.getKey());
            append(s, a.getValue());
            if (s.length() > MAX_LENGTH) return Optional.empty();
        }
        return Optional.of(s.toString());
    }

    private static void append(StringBuilder s, String text) {
        s.append(text.length()).append(':').append(text);
    }

    /** The attributes a value of {@link #encode} holds. */
    static Map<String, String> decode(String column) {
        Map<String, String> attributes = new HashMap<>();
        int[] at = {0};
        while (at[0] < column.length()) {
            String name = next(column, at);
            attributes.put(name, next(column, at));
        }
        return attributes;
    }

    private static String next(String column, int[] at) {
        int colon = column.indexOf(':', at[0]);
        if (colon < 0) throw new IllegalStateException("QUEUE_ENTRY.ATTRIBUTES is damaged at " + at[0]);
        int length = Integer.parseInt(column, at[0], colon, 10);
        int end = colon + 1 + length;
        if (length < 0 || end > column.length()) throw new IllegalStateException("QUEUE_ENTRY.ATTRIBUTES is damaged at " + at[0]);
        at[0] = end;
        return column.substring(colon + 1, end);
    }
}
