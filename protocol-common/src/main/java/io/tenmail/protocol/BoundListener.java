package io.tenmail.protocol;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A listener that is accepting connections: what was asked for and the address actually bound
 * (its port differs from the spec's when the spec asked for port 0).
 */
public record BoundListener(ListenerSpec spec, InetSocketAddress localAddress) {

    public BoundListener {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(localAddress, "localAddress");
    }

    public int port() {
        return localAddress.getPort();
    }

    @Override
    public String toString() {
        return spec.describe(port());
    }
}
