package io.tenmail.imap.wire.request;

import java.util.List;
import java.util.Objects;

/** ENABLE (RFC 5161 §3.1, RFC 9051 §6.3.1): capability names in upper case, in the order sent. */
public record EnableRequest(String tag, List<String> capabilities) implements ImapRequest {

    public EnableRequest {
        Objects.requireNonNull(tag, "tag");
        capabilities = List.copyOf(capabilities);
        if (capabilities.isEmpty()) throw new IllegalArgumentException("ENABLE needs a capability");
    }

    @Override
    public String name() {
        return "ENABLE";
    }
}
