package io.tenmail.smtp.spam;

import io.tenmail.protocol.InvalidSettingException;
import io.tenmail.protocol.SettingValues;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.remote.HostPort;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the authentication checks need, read once from MicroProfile Config.
 *
 * @param authServId  our name in {@code Authentication-Results} (RFC 8601 §2.5): {@code tenmail.hostname}
 * @param dnsServers  resolvers for SPF, DKIM and DMARC look-ups ({@code tenmail.dns.resolvers}, shared
 *                    with remote delivery); empty for the system's
 * @param dnsTimeout  how long one DNS query may take ({@code tenmail.dns.timeout-seconds})
 */
public record SpamSettings(String authServId, List<HostPort> dnsServers, Duration dnsTimeout) {
    public static final String DNS_RESOLVERS = "tenmail.dns.resolvers";
    public static final String DNS_TIMEOUT = "tenmail.dns.timeout-seconds";

    public SpamSettings {
        Objects.requireNonNull(authServId, "authServId");
        dnsServers = List.copyOf(dnsServers);
        Objects.requireNonNull(dnsTimeout, "dnsTimeout");
    }

    /** Reads the keys and validates them; failures name the key. */
    public static SpamSettings from(Config config) {
        SettingValues v = new SettingValues(config);
        List<HostPort> servers = new ArrayList<>();
        for (String s : v.raw(DNS_RESOLVERS).orElse("").split("[,\\s]+")) {
            if (s.isEmpty()) continue;
            try {
                servers.add(HostPort.parse(s, 53));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(DNS_RESOLVERS, DNS_RESOLVERS + ": " + e.getMessage());
            }
        }
        return new SpamSettings(SmtpSettings.from(config).hostname(), servers,
                Duration.ofSeconds(v.integer(DNS_TIMEOUT, 5, 1, 300)));
    }
}
