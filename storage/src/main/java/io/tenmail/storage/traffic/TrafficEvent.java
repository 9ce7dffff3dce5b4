package io.tenmail.storage.traffic;

import io.tenmail.storage.model.TenantId;

import java.util.Locale;
import java.util.Optional;

/**
 * A CDI event: one message delivered into a local mailbox of {@code tenant} (IN), or accepted by a
 * remote server for one recipient from {@code senderDomain} (OUT). Mailets fire it; the
 * {@link TrafficCounter} counts it.
 */
public record TrafficEvent(Direction direction, Optional<TenantId> tenant, String senderDomain) {
    public enum Direction { IN, OUT }

    /** A delivery into a mailbox of the tenant. */
    public static TrafficEvent delivered(TenantId tenant) {
        return new TrafficEvent(Direction.IN, Optional.of(tenant), "");
    }

    /** A recipient accepted by a remote server; {@code sender} may be null or empty (a bounce). */
    public static TrafficEvent sent(String sender) {
        int at = sender == null ? -1 : sender.lastIndexOf('@');
        return new TrafficEvent(Direction.OUT, Optional.empty(), at < 0 ? "" : sender.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
