package io.tenmail.smtp.spam;

import io.tenmail.protocol.dns.DnsLookup;
import io.tenmail.smtp.remote.HostPort;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS look-ups for the authentication checks through dnsjava, against the configured resolvers,
 * with a cache of our own (dnsjava's default cache is global to the JVM and would mix answers from
 * different resolvers). EDNS0 with a 4096-octet buffer is offered, so DKIM keys of 2048 bits and
 * more fit in one UDP answer. Thread-safe.
 */
public final class DnsLookups {
    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);

    public DnsLookups(Resolver resolver) {
        this.resolver = resolver;
    }

    /** A resolver asking {@code servers} in turn, or the system's name servers when the list is empty. */
    public static DnsLookups of(List<HostPort> servers, Duration timeout) {
        return new DnsLookups(DnsLookup.resolver(servers.stream().map(HostPort::socketAddress).toList(), timeout));
    }

    public static DnsLookups of(SpamSettings settings) {
        return of(settings.dnsServers(), settings.dnsTimeout());
    }

    /** The dnsjava resolver, for libraries that take one. */
    public Resolver resolver() {
        return resolver;
    }

    /** The records of {@code type} at {@code name}; empty for NXDOMAIN, no data or a malformed name. */
    public List<Record> records(String name, int type) throws DnsTemporaryFailure {
        Lookup lookup;
        try {
            lookup = new Lookup(name, type);
        } catch (TextParseException e) {
            return List.of();
        }
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        Record[] answer = lookup.run();
        if (lookup.getResult() == Lookup.TRY_AGAIN) {
            throw new DnsTemporaryFailure(name + "/" + Type.string(type) + ": " + lookup.getErrorString());
        }
        return answer == null ? List.of() : List.of(answer);
    }

    /** Each TXT record at {@code name}, its strings joined (RFC 7208 §3.3, RFC 6376 §3.6.2.2). */
    public List<String> txt(String name) throws DnsTemporaryFailure {
        List<String> out = new ArrayList<>();
        for (Record r : records(name, Type.TXT)) {
            if (r instanceof TXTRecord txt) out.add(String.join("", txt.getStrings()));
        }
        return out;
    }
}
