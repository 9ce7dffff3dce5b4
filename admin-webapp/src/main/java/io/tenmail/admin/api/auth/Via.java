package io.tenmail.admin.api.auth;

/** How a caller proved who it is. */
public enum Via {
    /** the platform administrator's token from {@code <data dir>/admin-token} */
    PLATFORM_TOKEN,
    /** an API token created with POST /tokens */
    API_TOKEN,
    /** a console session cookie (unsafe methods also need the session's CSRF token) */
    SESSION
}
