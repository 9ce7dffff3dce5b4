package io.tenmail.imap.wire.request;

import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.SpecialUse;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * CREATE (RFC 9051 §6.3.4) with the {@code USE} parameter of CREATE-SPECIAL-USE (RFC 6154 §3).
 * A trailing hierarchy delimiter has been dropped ("the client intends to create children").
 */
public record CreateRequest(String tag, MailboxName mailbox, Set<SpecialUse> specialUses) implements ImapRequest {

    public CreateRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(mailbox, "mailbox");
        specialUses = specialUses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(specialUses));
    }

    @Override
    public String name() {
        return "CREATE";
    }
}
