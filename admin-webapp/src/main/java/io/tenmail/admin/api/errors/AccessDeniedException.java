package io.tenmail.admin.api.errors;

/** The caller is known but its role does not allow this (403). Things of other tenants are 404, never this. */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message, null, false, false);
    }
}
