package io.tenmail.smtp.policy;

import io.tenmail.protocol.InvalidSettingException;
import io.tenmail.protocol.SettingValues;
import io.tenmail.storage.directory.IpNetwork;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;

/**
 * The SMTP rate limits (docs/smtp.md, "Rate limits"), read once from MicroProfile Config. A limit
 * of 0 switches that limit off.
 *
 * @param ipConnectionsPerMinute   new MX connections per client address (IPv6: per /64) per minute
 * @param ipMessagesPerMinute      MAIL commands per client address per minute on the MX listener,
 *                                 for sessions that did not log in
 * @param accountMessagesPerHour   messages a logged-in account may start per hour
 * @param accountMessagesPerDay    ... per day (UTC)
 * @param accountRecipientsPerHour recipients a logged-in account may name per hour
 * @param accountRecipientsPerDay  ... per day (UTC)
 * @param exemptNetworks           client networks the per-address limits never apply to (loopback by default)
 * @param trackedKeys              addresses or accounts remembered per counter; bounds the memory
 */
public record RateLimitSettings(int ipConnectionsPerMinute, int ipMessagesPerMinute,
                                int accountMessagesPerHour, int accountMessagesPerDay,
                                int accountRecipientsPerHour, int accountRecipientsPerDay,
                                List<IpNetwork> exemptNetworks, int trackedKeys) {
    public static final String PREFIX = "tenmail.smtp.rate-limit.";
    public static final String IP_CONNECTIONS_PER_MINUTE = PREFIX + "ip-connections-per-minute";
    public static final String IP_MESSAGES_PER_MINUTE = PREFIX + "ip-messages-per-minute";
    public static final String ACCOUNT_MESSAGES_PER_HOUR = PREFIX + "account-messages-per-hour";
    public static final String ACCOUNT_MESSAGES_PER_DAY = PREFIX + "account-messages-per-day";
    public static final String ACCOUNT_RECIPIENTS_PER_HOUR = PREFIX + "account-recipients-per-hour";
    public static final String ACCOUNT_RECIPIENTS_PER_DAY = PREFIX + "account-recipients-per-day";
    public static final String EXEMPT_NETWORKS = PREFIX + "exempt-networks";
    public static final String TRACKED_KEYS = PREFIX + "tracked-keys";

    /** The shipped defaults: generous for people, tight for a script with a stolen password. */
    public static final RateLimitSettings DEFAULTS = new RateLimitSettings(60, 120, 200, 1000, 1000, 3000,
            List.of(IpNetwork.parse("127.0.0.0/8"), IpNetwork.parse("::1/128")), 100_000);
    /** Every limit off (tests and embedding that do not exercise limits). */
    public static final RateLimitSettings NONE = new RateLimitSettings(0, 0, 0, 0, 0, 0, List.of(), 1);

    public RateLimitSettings {
        exemptNetworks = List.copyOf(exemptNetworks);
        for (int limit : new int[]{ipConnectionsPerMinute, ipMessagesPerMinute, accountMessagesPerHour, accountMessagesPerDay,
                accountRecipientsPerHour, accountRecipientsPerDay}) {
            if (limit < 0) throw new IllegalArgumentException("a rate limit cannot be negative: " + limit);
        }
        if (trackedKeys < 1) throw new IllegalArgumentException("trackedKeys must be at least 1: " + trackedKeys);
    }

    /** Reads the keys and validates them; failures name the key. */
    public static RateLimitSettings from(Config config) {
        SettingValues v = new SettingValues(config);
        RateLimitSettings d = DEFAULTS;
        int max = 10_000_000;
        List<IpNetwork> exempt = d.exemptNetworks();
        if (config.getOptionalValue(EXEMPT_NETWORKS, String.class).isPresent()) {
            exempt = new ArrayList<>();
            for (String s : config.getValue(EXEMPT_NETWORKS, String.class).split("[,\\s]+")) {
                if (s.isBlank()) continue;
                try {
                    exempt.add(IpNetwork.parse(s.trim()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException(EXEMPT_NETWORKS, EXEMPT_NETWORKS + ": \"" + s + "\" is not an address or network (" + e.getMessage() + ")");
                }
            }
        }
        return new RateLimitSettings(
                v.integer(IP_CONNECTIONS_PER_MINUTE, d.ipConnectionsPerMinute(), 0, max),
                v.integer(IP_MESSAGES_PER_MINUTE, d.ipMessagesPerMinute(), 0, max),
                v.integer(ACCOUNT_MESSAGES_PER_HOUR, d.accountMessagesPerHour(), 0, max),
                v.integer(ACCOUNT_MESSAGES_PER_DAY, d.accountMessagesPerDay(), 0, max),
                v.integer(ACCOUNT_RECIPIENTS_PER_HOUR, d.accountRecipientsPerHour(), 0, max),
                v.integer(ACCOUNT_RECIPIENTS_PER_DAY, d.accountRecipientsPerDay(), 0, max),
                exempt,
                v.integer(TRACKED_KEYS, d.trackedKeys(), 1, max));
    }
}
