package io.tenmail.pop3.command;

import io.tenmail.pop3.session.Maildrop;
import io.tenmail.pop3.wire.UniqueId;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.UidRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the maildrop at login: INBOX, then (when configured, for users without IMAP) the Junk
 * mailbox, each in UID order, numbered from 1. Each message's UIDL is its mailbox's UIDVALIDITY
 * and its UID ({@link UniqueId}).
 */
final class MaildropLoader {
    private final MailboxStore store;
    private final boolean includeJunk;

    MaildropLoader(MailboxStore store, boolean includeJunk) {
        this.store = store;
        this.includeJunk = includeJunk;
    }

    Maildrop load(AccountId owner) throws StoreException {
        List<MailboxInfo> mailboxes = new ArrayList<>(2);
        mailboxes.add(inbox(owner));
        if (includeJunk) store.mailbox(owner, SpecialUse.JUNK).ifPresent(mailboxes::add);
        List<Maildrop.Message> messages = new ArrayList<>();
        for (MailboxInfo mailbox : mailboxes) {
            long uidValidity = mailbox.uidValidity().value();
            for (MessageMeta m : store.messages(owner, mailbox.id(), List.of(UidRange.ALL))) {
                messages.add(new Maildrop.Message(messages.size() + 1, mailbox.id(), m.uid(), m.size(), m.blob(),
                        UniqueId.of(uidValidity, m.uid().value())));
            }
        }
        return new Maildrop(messages);
    }

    /** INBOX, created with the other default mailboxes on the account's first login. */
    private MailboxInfo inbox(AccountId owner) throws StoreException {
        Optional<MailboxInfo> inbox = store.mailbox(owner, MailboxName.INBOX);
        if (inbox.isPresent()) return inbox.get();
        store.ensureDefaultMailboxes(owner);
        return store.mailbox(owner, MailboxName.INBOX)
                .orElseThrow(() -> new StoreException(Reason.TEMPORARY, "INBOX of account " + owner.value() + " missing after creation"));
    }
}
