package io.tenmail.admin.api.auth;

/** What a caller may do. Domain administrators and users come with issue 6. */
public enum Role {
    /** every tenant, every domain */
    PLATFORM_ADMIN
}
