package io.tenmail.admin.api.auth;

/** Names of request properties the authentication filter sets for resources and filters after it. */
public final class SessionAttributes {
    /** The {@link ConsoleSessions.Session} of a request authenticated by its cookie. */
    public static final String SESSION = "tenmail.session";

    private SessionAttributes() {
    }
}
