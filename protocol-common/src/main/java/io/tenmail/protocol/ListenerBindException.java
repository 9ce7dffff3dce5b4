package io.tenmail.protocol;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * A listener could not bind its port. The message is meant for the operator, as one line: which
 * listener, which address, why, and which setting changes it, e.g.
 * {@code cannot bind smtp on 0.0.0.0:25 (address in use); set tenmail.smtp.port or TENMAIL_SMTP_PORT}.
 */
public class ListenerBindException extends IOException {
    private final transient ListenerSpec spec;

    public ListenerBindException(ListenerSpec spec, Throwable failure) {
        super("cannot bind " + spec.name() + " on " + ListenerSpec.hostAndPort(spec.bindAddress(), spec.port())
                + " (" + reason(failure) + "); set " + spec.portKey() + " or " + spec.portEnvironmentVariable(), failure);
        this.spec = spec;
    }

    public ListenerSpec spec() {
        return spec;
    }

    /** Whether {@code failure} or one of its causes says that a socket could not be bound. */
    public static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException || t instanceof UnresolvedAddressException || t instanceof UnknownHostException) return true;
        }
        return false;
    }

    /** The operating system's reason in words an operator recognises. */
    static String reason(Throwable failure) {
        Throwable socketFailure = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                socketFailure = t;
                break;
            }
        }
        if (socketFailure instanceof UnresolvedAddressException || socketFailure instanceof UnknownHostException) {
            return "unknown bind address";
        }
        String message = socketFailure == null || socketFailure.getMessage() == null ? "" : socketFailure.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("already in use")) return "address in use";
        if (message.contains("permission denied") || message.contains("access denied")) {
            return "permission denied: ports below 1024 need root or CAP_NET_BIND_SERVICE";
        }
        if (message.contains("cannot assign requested address")) return "address not available on this host";
        return message.isEmpty() ? (socketFailure == null ? "unknown error" : socketFailure.getClass().getSimpleName()) : message;
    }
}
