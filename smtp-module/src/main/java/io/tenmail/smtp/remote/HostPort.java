package io.tenmail.smtp.remote;

import java.util.Locale;

/**
 * A host name or IP address and a TCP port, as written in the route table
 * ({@code mx.example.com}, {@code mx.example.com:2525}, {@code 192.0.2.1:25}, {@code [2001:db8::1]:25}).
 *
 * @param host a host name (lower case, no trailing dot) or an IP address literal without brackets
 * @param port 1-65535
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("empty host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}. */
    public static HostPort parse(String text, int defaultPort) {
        String s = text.trim();
        if (s.isEmpty()) throw new IllegalArgumentException("empty host");
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("unclosed [ in \"" + text + "\"");
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) return new HostPort(host, defaultPort);
            if (!rest.startsWith(":")) throw new IllegalArgumentException("expected :port after ] in \"" + text + "\"");
            return new HostPort(host, port(rest.substring(1), text));
        }
        int colon = s.indexOf(':');
        if (colon < 0) return new HostPort(s, defaultPort);
        if (s.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("an IPv6 address needs brackets, e.g. [2001:db8::1]:25, was \"" + text + "\"");
        }
        return new HostPort(s.substring(0, colon), port(s.substring(colon + 1), text));
    }

    private static int port(String digits, String text) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port in \"" + text + "\"");
    }

    /** The address to connect to (a name is resolved here, once). */
    public java.net.InetSocketAddress socketAddress() {
        return new java.net.InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
