package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.DkimKey;

import java.time.Instant;
import java.util.List;

/**
 * {@code Dkim {domain, selectors: [{selector, state, created, retired, name, type, value}]}}: the
 * domain's DKIM keys to publish, the ACTIVE one first, then RETIRED ones still in their grace
 * period; {@code name}/{@code value} are the TXT record. Never the private key.
 */
public record DkimDto(String domain, List<Selector> selectors) {

    /** One published key. */
    public record Selector(String selector, String state, Instant created, Instant retired, String name, String type, String value) {
        static Selector from(DkimKey k) {
            return new Selector(k.selector(), k.state().name(), k.created(), k.retired().orElse(null), k.dnsName() + ".", "TXT", k.dnsRecord());
        }
    }

    public static DkimDto from(String domain, List<DkimKey> keys) {
        return new DkimDto(domain, keys.stream().map(Selector::from).toList());
    }
}
