package io.tenmail.protocol;

/** How a listener protects its connections. */
public enum TlsMode {
    /** Cleartext only (e.g. a listener behind a TLS-terminating proxy). */
    NONE("plain"),
    /** Cleartext greeting, upgraded by the client's STARTTLS (RFC 3207) or STLS (RFC 2595). */
    STARTTLS("STARTTLS"),
    /** TLS from the first byte (RFC 8314 §3): SMTPS 465, IMAPS 993, POP3S 995. */
    IMPLICIT("TLS");

    private final String label;

    TlsMode(String label) {
        this.label = label;
    }

    /** The word shown in the "listening ..." log line. */
    public String label() {
        return label;
    }
}
