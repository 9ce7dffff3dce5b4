package io.tenmail.smtp.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Static routes, consulted before DNS: a destination domain, or {@code *} for every domain
 * without a route of its own (the smart host), mapped to the hosts to try in order. Written as
 * {@code example.com=mx1.example.net:25,mx2.example.net; *=smtp.isp.example:587}: entries separated
 * by {@code ;} or line breaks, hosts by {@code ,}. Immutable.
 */
public final class RouteTable {
    /** The key of the smart host route. */
    public static final String SMART_HOST = "*";

    private final Map<String, List<HostPort>> routes;

    private RouteTable(Map<String, List<HostPort>> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** A table without routes: every domain goes by DNS. */
    public static RouteTable empty() {
        return new RouteTable(Map.of());
    }

    /**
     * Parses the route table's text form; hosts without a port get {@code domainPort} in domain
     * routes and {@code smartHostPort} in the {@code *} route.
     *
     * @throws IllegalArgumentException naming the entry at fault
     */
    public static RouteTable parse(String text, int domainPort, int smartHostPort) {
        Map<String, List<HostPort>> routes = new LinkedHashMap<>();
        for (String entry : text.split("[;\\r\\n]+")) {
            if (entry.isBlank()) continue;
            int eq = entry.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("route \"" + entry.trim() + "\" needs the form domain=host[:port],...");
            String domain = normalize(entry.substring(0, eq));
            if (domain.isEmpty() || domain.contains(" ") || domain.contains("@")) {
                throw new IllegalArgumentException("route \"" + entry.trim() + "\" has no valid domain before =");
            }
            int port = domain.equals(SMART_HOST) ? smartHostPort : domainPort;
            List<HostPort> hosts = new java.util.ArrayList<>();
            for (String host : entry.substring(eq + 1).split(",")) {
                if (host.isBlank()) continue;
                try {
                    hosts.add(HostPort.parse(host, port));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("route for " + domain + ": " + e.getMessage(), e);
                }
            }
            if (hosts.isEmpty()) throw new IllegalArgumentException("route for " + domain + " names no host");
            if (routes.put(domain, List.copyOf(hosts)) != null) {
                throw new IllegalArgumentException("route for " + domain + " is given twice");
            }
        }
        return new RouteTable(routes);
    }

    /** The route for a domain: its own, else the smart host's; empty when DNS decides. */
    public Optional<Route> routeFor(String domain) {
        List<HostPort> own = routes.get(normalize(domain));
        if (own != null) return Optional.of(new Route(own, false));
        return Optional.ofNullable(routes.get(SMART_HOST)).map(hosts -> new Route(hosts, true));
    }

    /** Whether a {@code *} route sends all other mail to a smart host. */
    public boolean hasSmartHost() {
        return routes.containsKey(SMART_HOST);
    }

    /** The number of routes, the smart host included. */
    public int size() {
        return routes.size();
    }

    private static String normalize(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /**
     * A matched route.
     *
     * @param hosts     tried in this order
     * @param smartHost whether this is the {@code *} route, which uses the smart host's TLS and
     *                  credentials settings
     */
    public record Route(List<HostPort> hosts, boolean smartHost) {
        public Route {
            hosts = List.copyOf(hosts);
        }
    }
}
