package io.tenmail.smtp.session;

import io.tenmail.protocol.TlsMode;

/**
 * What a listener is for, which decides how its sessions use TLS and authentication.
 */
public enum ListenerRole {
    /** Port 25: mail from other servers to our domains; STARTTLS offered; AUTH only after TLS, if enabled. */
    MX("smtp", TlsMode.STARTTLS, false),
    /** Port 587 (RFC 6409): mail from our users; STARTTLS, then AUTH, are required. */
    SUBMISSION("submission", TlsMode.STARTTLS, true),
    /** Port 465 (RFC 8314 §3.3): submission over implicit TLS; AUTH required. */
    SMTPS("smtps", TlsMode.IMPLICIT, true);

    private final String protocolName;
    private final TlsMode tlsMode;
    private final boolean requiresAuth;

    ListenerRole(String protocolName, TlsMode tlsMode, boolean requiresAuth) {
        this.protocolName = protocolName;
        this.tlsMode = tlsMode;
        this.requiresAuth = requiresAuth;
    }

    /** The name in logs and listener lines: smtp, submission, smtps. */
    public String protocolName() {
        return protocolName;
    }

    public TlsMode tlsMode() {
        return tlsMode;
    }

    /** Whether MAIL needs an authenticated session (RFC 6409 §4.3: a submission server authenticates its clients). */
    public boolean requiresAuth() {
        return requiresAuth;
    }
}
