package io.tenmail.admin.api.errors;

/**
 * A request body field, query or path parameter that is missing or has a bad value: 400 with a
 * message that starts with the field's name ({@code "address: not an address of the form local@domain"}).
 */
public final class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** A problem with the request as a whole (an absent or unreadable body). */
    public static InvalidInputException ofBody(String problem) {
        return new InvalidInputException("body", problem);
    }

    public String field() {
        return field;
    }
}
