package io.tenmail.imap.wire.request;

import java.util.Objects;

/** GETQUOTA (RFC 9208 §4.2): a quota root name, decoded. */
public record GetQuotaRequest(String tag, String root) implements ImapRequest {

    public GetQuotaRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(root, "root");
    }

    @Override
    public String name() {
        return "GETQUOTA";
    }
}
