package io.tenmail.smtp.spam;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * DNS blocklists and allowlists (RFC 5782): the client's address, reversed (IPv4 octets, IPv6
 * nibbles), is looked up as an A record under each zone; an answer in 127.0.0.0/8 means listed.
 * Init parameter {@code zones}: {@code zone=points} pairs separated by commas, e.g.
 * {@code zen.spamhaus.org=5, list.dnswl.org=-3}; a negative score makes the zone an allowlist. A
 * listing adds {@code DNSBL_<zone>} (or {@code DNSWL_<zone>}). Answers in 127.255.255.0/24 are the
 * lists' error codes (Spamhaus: "query refused through a public resolver") and count as no answer,
 * as do DNS failures: a list that cannot be asked must not decide anything. Loopback and
 * authenticated clients are not looked up ({@link AuthAttributes#trusted}). Thread-safe after {@link #init()}.
 */
public class DnsblCheck extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(DnsblCheck.class);

    private final DnsLookups dns;
    private Map<String, Double> zones = Map.of();

    @Inject
    public DnsblCheck(Config config) {
        this(DnsLookups.of(SpamSettings.from(config)));
    }

    /** For tests and embedding: an explicit DNS. */
    public DnsblCheck(DnsLookups dns) {
        this.dns = dns;
    }

    @Override
    public void init() throws MessagingException {
        zones = parseZones(getInitParameter("zones"));
    }

    static Map<String, Double> parseZones(String raw) throws MessagingException {
        if (raw == null || raw.isBlank()) throw new MessagingException("DnsblCheck: zones is required, e.g. zen.spamhaus.org=5");
        Map<String, Double> out = new LinkedHashMap<>();
        for (String entry : raw.split(",")) {
            if (entry.isBlank()) continue;
            String[] kv = entry.trim().split("=", 2);
            String zone = kv[0].trim().toLowerCase(Locale.ROOT);
            if (zone.endsWith(".")) zone = zone.substring(0, zone.length() - 1);
            if (!zone.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new MessagingException("DnsblCheck: zones: \"" + kv[0].trim() + "\" is not a DNS zone");
            }
            try {
                out.put(zone, kv.length == 2 ? Double.parseDouble(kv[1].trim()) : 5.0);
            } catch (NumberFormatException e) {
                throw new MessagingException("DnsblCheck: zones: the score of " + zone + " must be a number, was \"" + kv[1].trim() + "\"");
            }
        }
        if (out.isEmpty()) throw new MessagingException("DnsblCheck: zones is required, e.g. zen.spamhaus.org=5");
        return Map.copyOf(out);
    }

    @Override
    public void service(Mail mail) {
        if (AuthAttributes.trusted(mail)) return;
        String client = AuthAttributes.get(mail, "tenmail.smtp.client-address").orElse(mail.getRemoteAddr());
        InetAddress address;
        try {
            // a literal is parsed without a DNS query
            address = client == null || client.isBlank() ? null : InetAddress.getByName(client);
        } catch (UnknownHostException e) {
            address = null;
        }
        if (address == null || address.isLoopbackAddress()) return;
        String reversed = reversed(address);
        zones.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(z -> {
            if (listed(reversed + "." + z.getKey())) {
                String kind = z.getValue() < 0 ? "DNSWL_" : "DNSBL_";
                SpamScore.add(mail, kind + z.getKey(), z.getValue());
            }
        });
    }

    private boolean listed(String query) {
        try {
            for (Record r : dns.records(query, Type.A)) {
                if (!(r instanceof ARecord a)) continue;
                byte[] ip = a.getAddress().getAddress();
                if ((ip[0] & 0xff) != 127) continue;                           // RFC 5782 §2.1: listings are in 127/8
                if ((ip[1] & 0xff) == 255 && (ip[2] & 0xff) == 255) {          // the list's error code, not a listing
                    log.warn("DNS list refused the query {} ({}): check tenmail.dns.resolvers", query, a.getAddress().getHostAddress());
                    continue;
                }
                return true;
            }
        } catch (DnsTemporaryFailure e) {
            log.debug("DNS list not answering: {}", e.getMessage());
        }
        return false;
    }

    /** RFC 5782 §2.1 (IPv4: octets reversed) and §2.4 (IPv6: 32 nibbles reversed). */
    static String reversed(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder out = new StringBuilder();
        if (address instanceof Inet6Address) {
            for (int i = b.length - 1; i >= 0; i--) {
                if (!out.isEmpty()) out.append('.');
                out.append(Character.forDigit(b[i] & 0xf, 16)).append('.').append(Character.forDigit((b[i] >> 4) & 0xf, 16));
            }
        } else {
            for (int i = b.length - 1; i >= 0; i--) {
                if (!out.isEmpty()) out.append('.');
                out.append(b[i] & 0xff);
            }
        }
        return out.toString();
    }

    @Override
    public String getMailetInfo() {
        return "DNS blocklists and allowlists (RFC 5782)";
    }
}
