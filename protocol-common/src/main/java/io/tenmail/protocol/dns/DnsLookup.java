package io.tenmail.protocol.dns;

import org.eclipse.microprofile.config.Config;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks up what a name publishes, through the resolvers the server is configured with
 * ({@value #RESOLVERS}, host[:port] separated by commas, empty: the system's; {@value #TIMEOUT}),
 * without a cache (an administrator checking DNS after a change wants the answer now, as far as
 * the resolver's own cache allows). Values come back in presentation form: MX {@code "10 host."},
 * SRV {@code "0 1 993 host."}, CNAME {@code "host."}, TXT its strings joined (RFC 7208 §3.3).
 * Thread-safe.
 */
public final class DnsLookup {
    public static final String RESOLVERS = "tenmail.dns.resolvers";
    public static final String TIMEOUT = "tenmail.dns.timeout-seconds";

    /** The name's records could not be looked up (time-out, SERVFAIL, refused): not the same as "none". */
    public static final class LookupFailedException extends IOException {
        public LookupFailedException(String message) {
            super(message);
        }
    }

    private final Resolver resolver;

    public DnsLookup(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Looks up through {@link #resolver}. */
    public static DnsLookup of(List<InetSocketAddress> servers, Duration timeout) {
        return new DnsLookup(resolver(servers, timeout));
    }

    /**
     * The dnsjava resolver of every DNS user in the server (MX look-ups, the spam checks, the DNS
     * check): {@code servers} in turn, or the system's name servers when the list is empty.
     */
    public static Resolver resolver(List<InetSocketAddress> servers, Duration timeout) {
        ExtendedResolver resolver;
        if (servers.isEmpty()) {
            resolver = new ExtendedResolver();
        } else {
            List<Resolver> each = new ArrayList<>();
            for (InetSocketAddress server : servers) {
                SimpleResolver simple = new SimpleResolver(server);
                simple.setEDNS(0, 4096, 0, List.of());   // 2048-bit DKIM keys do not fit 512 octets
                each.add(simple);
            }
            resolver = new ExtendedResolver(each);
        }
        resolver.setTimeout(timeout);
        return resolver;
    }

    /** From {@value #RESOLVERS} and {@value #TIMEOUT}; IllegalArgumentException naming the key when malformed. */
    public static DnsLookup fromConfig(Config config) {
        String servers = config.getOptionalValue(RESOLVERS, String.class).orElse("");
        int seconds = config.getOptionalValue(TIMEOUT, Integer.class).orElse(5);
        if (seconds < 1 || seconds > 60) throw new IllegalArgumentException(TIMEOUT + " must be between 1 and 60, not " + seconds);
        return of(servers(servers), Duration.ofSeconds(seconds));
    }

    /** "host[:port], [v6]:port, ..." with port 53 by default. */
    static List<InetSocketAddress> servers(String text) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            String host = p;
            int port = 53;
            try {
                if (p.startsWith("[")) {
                    int end = p.indexOf(']');
                    if (end < 0) throw new IllegalArgumentException(RESOLVERS + ": no closing ] in \"" + p + "\"");
                    host = p.substring(1, end);
                    if (p.length() > end + 1) port = Integer.parseInt(p.substring(end + 2));
                } else if (p.indexOf(':') > 0 && p.indexOf(':') == p.lastIndexOf(':')) {
                    host = p.substring(0, p.indexOf(':'));
                    port = Integer.parseInt(p.substring(p.indexOf(':') + 1));
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(RESOLVERS + ": not host[:port]: \"" + p + "\"");
            }
            if (port < 1 || port > 65535) throw new IllegalArgumentException(RESOLVERS + ": port out of range in \"" + p + "\"");
            out.add(new InetSocketAddress(host, port));
        }
        return out;
    }

    /**
     * The values of the records of {@code type} (MX, TXT, CNAME, SRV, A, AAAA) at {@code name}:
     * empty for NXDOMAIN and for a name without that type.
     */
    public List<String> lookup(String name, String type) throws LookupFailedException {
        int t = Type.value(type.toUpperCase(Locale.ROOT));
        if (t < 0) throw new IllegalArgumentException("not a record type: " + type);
        Lookup lookup;
        try {
            lookup = new Lookup(name, t);
        } catch (TextParseException e) {
            return List.of();
        }
        lookup.setResolver(resolver);
        lookup.setCache(null);
        Record[] answer = lookup.run();
        int result = lookup.getResult();
        if (result == Lookup.TRY_AGAIN || result == Lookup.UNRECOVERABLE) {
            throw new LookupFailedException(name + " " + type + ": " + lookup.getErrorString());
        }
        List<String> values = new ArrayList<>();
        if (answer != null) for (Record r : answer) if (r.getType() == t) values.add(value(r));
        return values;
    }

    private static String value(Record r) {
        return switch (r) {
            case MXRecord mx -> mx.getPriority() + " " + lower(mx.getTarget().toString());
            case SRVRecord srv -> srv.getPriority() + " " + srv.getWeight() + " " + srv.getPort() + " " + lower(srv.getTarget().toString());
            case CNAMERecord c -> lower(c.getTarget().toString());
            case TXTRecord txt -> String.join("", txt.getStrings());
            default -> r.rdataToString();
        };
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
