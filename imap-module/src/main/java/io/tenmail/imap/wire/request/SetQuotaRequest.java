package io.tenmail.imap.wire.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * SETQUOTA (RFC 9208 §4.1): resource names in upper case (STORAGE is in KiB, MESSAGE a count) to
 * their new limits, in the order sent; an empty map removes all limits.
 */
public record SetQuotaRequest(String tag, String root, Map<String, Long> limits) implements ImapRequest {

    public SetQuotaRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(root, "root");
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    @Override
    public String name() {
        return "SETQUOTA";
    }
}
