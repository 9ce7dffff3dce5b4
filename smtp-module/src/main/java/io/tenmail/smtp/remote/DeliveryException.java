package io.tenmail.smtp.remote;

import java.util.Optional;

/**
 * A delivery attempt for a whole destination (or one next hop) failed before per-recipient
 * results: DNS failure, no route, connection refused, a refusal at the greeting or MAIL, TLS
 * required but impossible. Carries the reply a DSN shows, ours or the server's.
 */
public final class DeliveryException extends Exception {
    private final String reply;
    private final boolean permanent;
    private final Optional<String> remoteMta;

    private DeliveryException(String reply, boolean permanent, Optional<String> remoteMta, Throwable cause) {
        super(reply, cause);
        this.reply = reply;
        this.permanent = permanent;
        this.remoteMta = remoteMta;
    }

    /** A failure worth retrying later, e.g. {@code temporary("451 4.4.1 connection refused by mx.example.com")}. */
    public static DeliveryException temporary(String reply) {
        return new DeliveryException(reply, false, Optional.empty(), null);
    }

    /** A failure retrying cannot cure, e.g. {@code permanent("550 5.1.2 no such domain example.invalid")}. */
    public static DeliveryException permanent(String reply) {
        return new DeliveryException(reply, true, Optional.empty(), null);
    }

    /** The server's own refusal: permanent for 5xx, temporary otherwise. */
    public static DeliveryException refused(RemoteReply reply, String host) {
        return new DeliveryException(reply.oneLine(), reply.isPermanentFailure(), Optional.of(host), null);
    }

    /** A temporary failure caused by an exception, e.g. a TLS handshake. */
    public static DeliveryException temporary(String reply, String host, Throwable cause) {
        return new DeliveryException(reply, false, Optional.ofNullable(host), cause);
    }

    /** The reply in one line, with its code and enhanced status code. */
    public String reply() {
        return reply;
    }

    public boolean permanent() {
        return permanent;
    }

    /** The host that answered, when one did. */
    public Optional<String> remoteMta() {
        return remoteMta;
    }
}
