package io.tenmail.smtp.remote;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides where and how mail for a domain goes: a static route first (the domain's own, else the
 * {@code *} smart host), else DNS through the {@link MxResolver}. Route host names are resolved by
 * the operating system (so {@code /etc/hosts} works for them), MX hosts by the configured DNS
 * resolver. Domain routes and MX hosts use the MX TLS policy; the smart host its own TLS settings
 * and credentials. Thread-safe.
 */
final class Destinations {
    /** Addresses tried per attempt, like Postfix's smtp_mx_address_limit. */
    static final int MAX_NEXT_HOPS = 5;

    private final RouteTable routes;
    private final MxResolver mx;
    private final TlsPolicy mxTls;
    private final SmartHost smartHost;
    private final int port;

    Destinations(RouteTable routes, MxResolver mx, TlsPolicy mxTls, SmartHost smartHost, int port) {
        this.port = port;
        this.routes = routes;
        this.mx = mx;
        this.mxTls = mxTls;
        this.smartHost = smartHost;
    }

    Destination resolve(String domain) throws DeliveryException {
        if (isAddressLiteral(domain)) return new Destination(domain, List.of(literal(domain)), mxTls, false, Optional.empty());
        Optional<RouteTable.Route> route = routes.routeFor(domain);
        if (route.isEmpty()) {
            return new Destination(domain, mx.nextHops(domain, port, MAX_NEXT_HOPS), mxTls, false, Optional.empty());
        }
        List<NextHop> hops = new ArrayList<>();
        String lastError = "";
        for (HostPort host : route.get().hosts()) {
            try {
                InetAddress[] all = InetAddress.getAllByName(host.host());
                List<InetAddress> sorted = new ArrayList<>(List.of(all));
                sorted.sort(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1)); // IPv4 first, as for MX hosts
                for (InetAddress a : sorted) hops.add(new NextHop(host.host(), a, host.port()));
            } catch (UnknownHostException e) {
                lastError = "cannot resolve route host " + host.host();
            }
        }
        if (hops.isEmpty()) {
            // a configured route that does not resolve is the operator's problem to fix, not a reason to bounce
            throw DeliveryException.temporary("451 4.4.3 " + lastError);
        }
        List<NextHop> limited = hops.subList(0, Math.min(hops.size(), MAX_NEXT_HOPS));
        return route.get().smartHost()
                ? new Destination(domain, limited, smartHost.tlsPolicy(), smartHost.implicitTls(), smartHost.credentials())
                : new Destination(domain, limited, mxTls, false, Optional.empty());
    }

    /**
     * Whether the domain is an address literal ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}; James's
     * {@code Domain} drops the brackets): no top-level domain is numeric, and no name has a colon.
     */
    static boolean isAddressLiteral(String domain) {
        return domain.startsWith("[") || domain.matches("[0-9.]+") || domain.indexOf(':') >= 0;
    }

    /** RFC 5321 §4.1.3 / §5.1: an address literal is the host itself, reached without DNS. */
    private NextHop literal(String domain) throws DeliveryException {
        String inner = domain.startsWith("[") ? domain.substring(1, domain.length() - (domain.endsWith("]") ? 1 : 0)) : domain;
        if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) inner = inner.substring(5);
        if (!inner.matches("[0-9a-fA-F.:]+")) throw DeliveryException.permanent("550 5.1.2 " + domain + " is not an address literal");
        try {
            return new NextHop(inner, InetAddress.getByName(inner), port); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw DeliveryException.permanent("550 5.1.2 " + domain + " is not an address literal");
        }
    }
}
