package io.tenmail.smtp.remote;

import io.tenmail.protocol.dns.DnsLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.IDN;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Finds where mail for a domain goes by DNS (RFC 5321 §5.1): MX records by preference, in random
 * order among equal preferences; the domain itself when it has no MX (implicit MX); nothing at all
 * for a null MX (RFC 7505). dnsjava follows CNAMEs. Failures are classified: NXDOMAIN and null MX
 * are permanent, timeouts and SERVFAIL temporary. Answers are cached for their TTL. Thread-safe.
 */
public final class MxResolver {
    private static final Logger log = LoggerFactory.getLogger(MxResolver.class);

    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);
    private final Random random;

    public MxResolver(Resolver resolver, Random random) {
        this.resolver = resolver;
        this.random = random;
    }

    /**
     * A dnsjava resolver asking {@code servers} in turn, or the system's configured name servers
     * when the list is empty.
     */
    public static Resolver resolverFor(List<HostPort> servers, Duration timeout) {
        return DnsLookup.resolver(servers.stream().map(HostPort::socketAddress).toList(), timeout);
    }

    /**
     * The addresses to try for {@code domain}, in order, at most {@code maxHops}.
     *
     * @throws DeliveryException permanent for NXDOMAIN, null MX and a domain whose mail hosts have
     *                           no address; temporary when DNS did not answer
     */
    public List<NextHop> nextHops(String domain, int port, int maxHops) throws DeliveryException {
        List<String> hosts = mailHosts(domain);
        List<NextHop> hops = new ArrayList<>();
        DeliveryException temporary = null;
        for (String host : hosts) {
            try {
                for (InetAddress address : addresses(host)) hops.add(new NextHop(host, address, port));
            } catch (DeliveryException e) {
                if (!e.permanent()) temporary = e;
                log.debug("mail host {} of {} has no usable address: {}", host, domain, e.reply());
            }
            if (hops.size() >= maxHops) break;
        }
        if (!hops.isEmpty()) return List.copyOf(hops.subList(0, Math.min(maxHops, hops.size())));
        if (temporary != null) throw temporary;
        throw DeliveryException.permanent("550 5.4.4 no mail host of " + domain + " has an address (" + String.join(", ", hosts) + ")");
    }

    /** The MX host names of a domain in the order to try them, or the domain itself (implicit MX). */
    List<String> mailHosts(String domain) throws DeliveryException {
        Lookup lookup = lookup(domain, Type.MX);
        Record[] answers = lookup.run();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> {
                return ordered(domain, answers);
            }
            case Lookup.TYPE_NOT_FOUND -> {
                return List.of(asciiName(domain)); // RFC 5321 §5.1: no MX, the domain is its own mail host
            }
            case Lookup.HOST_NOT_FOUND -> throw DeliveryException.permanent("550 5.1.2 domain " + domain + " does not exist (NXDOMAIN)");
            default -> throw DeliveryException.temporary("451 4.4.3 DNS lookup of MX for " + domain + " failed: " + lookup.getErrorString());
        }
    }

    private List<String> ordered(String domain, Record[] answers) throws DeliveryException {
        TreeMap<Integer, List<String>> byPreference = new TreeMap<>();
        int nullMx = 0;
        for (Record r : answers) {
            if (!(r instanceof MXRecord mx)) continue;
            if (mx.getTarget().equals(Name.root)) {
                nullMx++;
                continue;
            }
            byPreference.computeIfAbsent(mx.getPriority(), p -> new ArrayList<>()).add(hostName(mx.getTarget()));
        }
        if (byPreference.isEmpty() && nullMx > 0) {
            // RFC 7505 §4.2: a null MX says the domain accepts no mail; do not try its A/AAAA
            throw DeliveryException.permanent("556 5.1.10 domain " + domain + " accepts no mail (null MX)");
        }
        List<String> hosts = new ArrayList<>();
        for (List<String> same : byPreference.values()) {
            // RFC 5321 §5.1: hosts of equal preference in random order, to spread the load
            Collections.shuffle(same, random);
            for (String h : same) if (!hosts.contains(h)) hosts.add(h);
        }
        return hosts;
    }

    /**
     * A host's IPv4 addresses, then its IPv6 ones: IPv4 first because large receivers are stricter
     * with IPv6 senders (reverse DNS, authentication) and many networks still lack an IPv6 route.
     */
    List<InetAddress> addresses(String host) throws DeliveryException {
        List<InetAddress> out = new ArrayList<>();
        String temporary = null;
        boolean nxdomain = false;
        for (int type : new int[]{Type.A, Type.AAAA}) {
            Lookup lookup = lookup(host, type);
            Record[] answers = lookup.run();
            switch (lookup.getResult()) {
                case Lookup.SUCCESSFUL -> {
                    for (Record r : answers) {
                        if (r instanceof ARecord a) out.add(a.getAddress());
                        else if (r instanceof AAAARecord aaaa) out.add(aaaa.getAddress());
                    }
                }
                case Lookup.TYPE_NOT_FOUND -> { /* no address of this family */ }
                case Lookup.HOST_NOT_FOUND -> nxdomain = true;
                default -> temporary = lookup.getErrorString();
            }
        }
        if (!out.isEmpty()) return out;
        if (temporary != null) throw DeliveryException.temporary("451 4.4.3 DNS lookup of " + host + " failed: " + temporary);
        throw DeliveryException.permanent(nxdomain
                ? "550 5.1.2 host " + host + " does not exist (NXDOMAIN)"
                : "550 5.4.4 host " + host + " has no address record");
    }

    private Lookup lookup(String name, int type) throws DeliveryException {
        Lookup lookup = new Lookup(absolute(name), type);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        return lookup;
    }

    private static Name absolute(String name) throws DeliveryException {
        try {
            return Name.fromString(asciiName(name), Name.root);
        } catch (TextParseException | IllegalArgumentException e) {
            throw DeliveryException.permanent("550 5.1.2 \"" + name + "\" is not a valid domain name");
        }
    }

    /** The A-label form DNS needs (RFC 5890), for internationalized domains of SMTPUTF8 mail. */
    private static String asciiName(String name) throws DeliveryException {
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("550 5.1.2 \"" + name + "\" is not a valid domain name");
        }
    }

    private static String hostName(Name name) {
        String s = name.toString(true);
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
