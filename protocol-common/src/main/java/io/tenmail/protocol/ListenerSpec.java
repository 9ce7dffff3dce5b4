package io.tenmail.protocol;

import java.util.Locale;
import java.util.Objects;

/**
 * What a listener should bind: a name for logs ("smtp", "imaps"), the address and port, how it
 * uses TLS, and the configuration key that sets its port, so that a bind failure can tell the
 * operator what to change.
 *
 * @param name        short protocol name used in log lines and errors
 * @param bindAddress IP address (or host name) to bind; {@code 0.0.0.0} or {@code ::} for all
 * @param port        TCP port; 0 binds any free port (tests)
 * @param tls         how the listener protects connections
 * @param portKey     the MicroProfile Config key that sets {@code port}, e.g. {@code tenmail.smtp.port}
 */
public record ListenerSpec(String name, String bindAddress, int port, TlsMode tls, String portKey) {

    public ListenerSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("listener name is required");
        if (bindAddress == null || bindAddress.isBlank()) throw new IllegalArgumentException("bind address of " + name + " is required");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port of " + name + " must be 0-65535, was " + port);
        Objects.requireNonNull(tls, "tls");
        if (portKey == null || portKey.isBlank()) throw new IllegalArgumentException("port key of " + name + " is required");
    }

    public boolean implicitTls() {
        return tls == TlsMode.IMPLICIT;
    }

    /**
     * The environment variable that overrides {@link #portKey()}, by the MicroProfile Config rule:
     * upper case, every character that is not a letter or digit replaced by {@code _}.
     */
    public String portEnvironmentVariable() {
        return environmentVariable(portKey);
    }

    /** {@code smtp on 0.0.0.0:25 (STARTTLS)} for the given actual port. */
    public String describe(int actualPort) {
        return name + " on " + hostAndPort(bindAddress, actualPort) + " (" + tls.label() + ")";
    }

    /** The MicroProfile Config environment-variable name of a property key. */
    public static String environmentVariable(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : key.toCharArray()) sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** {@code host:port}, with IPv6 literals in brackets. */
    public static String hostAndPort(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
