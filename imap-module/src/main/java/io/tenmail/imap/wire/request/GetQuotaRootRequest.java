package io.tenmail.imap.wire.request;

import io.tenmail.storage.model.MailboxName;
import java.util.Objects;

/** GETQUOTAROOT (RFC 9208 §4.3). */
public record GetQuotaRootRequest(String tag, MailboxName mailbox) implements ImapRequest {

    public GetQuotaRootRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String name() {
        return "GETQUOTAROOT";
    }
}
