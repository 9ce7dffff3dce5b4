package io.tenmail.smtp.remote;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One address to connect to for a destination.
 *
 * @param hostName the MX or route host name (for TLS server name indication, certificate checks
 *                 and logs); the address literal when the route gave one
 * @param address  the IP address
 * @param port     the TCP port
 */
public record NextHop(String hostName, InetAddress address, int port) {

    public NextHop {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(address, "address");
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        String ip = address.getHostAddress();
        return hostName.equals(ip) ? ip + ":" + port : hostName + "[" + ip + "]:" + port;
    }
}
