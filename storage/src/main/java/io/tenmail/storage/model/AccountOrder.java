package io.tenmail.storage.model;

import java.util.Locale;
import java.util.Objects;

/**
 * How a page of accounts is ordered: by one field, ascending or descending. Ties are broken by
 * address, so paging through a list that is not changing never repeats or skips an account.
 *
 * @param field      the field ordered by
 * @param descending largest (or latest, or last in the alphabet) first
 */
public record AccountOrder(Field field, boolean descending) {
    /** The default: by address, A to Z. */
    public static final AccountOrder BY_ADDRESS = new AccountOrder(Field.ADDRESS, false);

    /** The fields an account list can be ordered by. */
    public enum Field {
        ADDRESS, DISPLAY_NAME, CREATED, QUOTA, ENABLED
    }

    public AccountOrder {
        Objects.requireNonNull(field, "field");
    }

    /**
     * Parses the API's form: a field name in camel case ({@code address}, {@code displayName},
     * {@code created}, {@code quotaBytes}, {@code enabled}), with a leading {@code -} for descending.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AccountOrder parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        boolean descending = s.startsWith("-");
        if (descending) s = s.substring(1);
        Field field = switch (s.toLowerCase(Locale.ROOT)) {
            case "address" -> Field.ADDRESS;
            case "displayname" -> Field.DISPLAY_NAME;
            case "created" -> Field.CREATED;
            case "quotabytes", "quota" -> Field.QUOTA;
            case "enabled" -> Field.ENABLED;
            default -> throw new IllegalArgumentException(
                    "must be one of address, displayName, created, quotaBytes, enabled (prefix - for descending), not " + text);
        };
        return new AccountOrder(field, descending);
    }
}
