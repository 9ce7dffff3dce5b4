package io.tenmail.imap.wire.request;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * SEARCH (RFC 9051 §6.4.4) with ESEARCH return options (RFC 4731).
 *
 * @param uid           UID SEARCH
 * @param returnOptions the RETURN options; {@code RETURN ()} means ALL (RFC 4731 §3.1)
 * @param extended      RETURN was given: answer with ESEARCH, not SEARCH
 * @param key           the criteria, strings decoded from the CHARSET
 */
public record SearchRequest(String tag, boolean uid, Set<SearchReturnOption> returnOptions, boolean extended,
                            SearchKey key) implements ImapRequest {

    public SearchRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(key, "key");
        returnOptions = returnOptions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(returnOptions));
        if (!extended && !returnOptions.isEmpty()) throw new IllegalArgumentException("return options need RETURN");
    }

    @Override
    public String name() {
        return uid ? "UID SEARCH" : "SEARCH";
    }
}
