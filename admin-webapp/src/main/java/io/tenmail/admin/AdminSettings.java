package io.tenmail.admin;

/**
 * Where the admin HTTP server listens, read and validated once at start-up by the composition
 * root. Tests build it directly, usually with port 0 (an ephemeral port).
 *
 * @param bindAddress the local address to listen on ({@value #BIND_ADDRESS_KEY})
 * @param port        the TCP port, 0 for any free port ({@value #PORT_KEY})
 */
public record AdminSettings(String bindAddress, int port) {
    /** Configuration key of {@link #port()}. */
    public static final String PORT_KEY = "tenmail.http.port";
    /** Configuration key of {@link #bindAddress()}. */
    public static final String BIND_ADDRESS_KEY = "tenmail.http.bind-address";

    public AdminSettings {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException(BIND_ADDRESS_KEY + " must name a local address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        bindAddress = bindAddress.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT_KEY + " must be between 0 and 65535, not " + port);
        }
    }
}
