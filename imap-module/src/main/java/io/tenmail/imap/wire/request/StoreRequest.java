package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.storage.model.Flags;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * STORE (RFC 9051 §6.4.6) with the UNCHANGEDSINCE modifier (RFC 7162 §3.1.3).
 *
 * @param mode   FLAGS replaces, +FLAGS adds, -FLAGS removes
 * @param silent the .SILENT form: no untagged FETCH for the change itself
 */
public record StoreRequest(String tag, boolean uid, SequenceSet set, OptionalLong unchangedSince, Mode mode,
                           boolean silent, Flags flags) implements ImapRequest {

    public enum Mode { REPLACE, ADD, REMOVE }

    public StoreRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(unchangedSince, "unchangedSince");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(flags, "flags");
    }

    @Override
    public String name() {
        return uid ? "UID STORE" : "STORE";
    }
}
