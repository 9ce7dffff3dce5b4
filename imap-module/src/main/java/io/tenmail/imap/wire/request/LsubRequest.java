package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.ListPattern;
import java.util.Objects;

/** LSUB (RFC 3501 §6.3.9, IMAP4rev1 only); reference and pattern decoded to Unicode. */
public record LsubRequest(String tag, String reference, String pattern) implements ImapRequest {

    public LsubRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(pattern, "pattern");
    }

    public ListPattern matcher() {
        return ListPattern.of(reference, pattern);
    }

    @Override
    public String name() {
        return "LSUB";
    }
}
