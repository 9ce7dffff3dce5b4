package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.SequenceSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * FETCH (RFC 9051 §6.4.5) with the CHANGEDSINCE and VANISHED modifiers (RFC 7162 §3.1.4.1,
 * §3.2.6). The parser has checked that VANISHED comes only with UID FETCH and CHANGEDSINCE.
 *
 * @param attributes the items, macros expanded, duplicates kept out, in the order asked
 */
public record FetchRequest(String tag, boolean uid, SequenceSet set, List<FetchAttribute> attributes,
                           OptionalLong changedSince, boolean vanished) implements ImapRequest {

    public FetchRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(changedSince, "changedSince");
        attributes = List.copyOf(attributes);
        if (attributes.isEmpty()) throw new IllegalArgumentException("FETCH needs a data item");
        if (vanished && (!uid || changedSince.isEmpty())) {
            throw new IllegalArgumentException("VANISHED needs UID FETCH and CHANGEDSINCE");
        }
    }

    @Override
    public String name() {
        return uid ? "UID FETCH" : "FETCH";
    }
}
