package io.tenmail.imap.command;

import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;

/** Looks up the mailbox a command names, with the response RFC 9051 asks for when it is missing. */
final class Mailboxes {

    private Mailboxes() {
    }

    static MailboxInfo existing(MailboxStore store, AccountId owner, MailboxName name, String tag) throws StoreException, CommandException {
        return store.mailbox(owner, name).orElseThrow(() -> CommandException.no(tag, ResponseCode.NONEXISTENT, "No such mailbox"));
    }

    /** RFC 9051 §6.3.12, §6.4.7: APPEND/COPY/MOVE to a missing mailbox answer TRYCREATE. */
    static MailboxInfo target(MailboxStore store, AccountId owner, MailboxName name, String tag) throws StoreException, CommandException {
        return store.mailbox(owner, name).orElseThrow(() -> CommandException.no(tag, ResponseCode.TRYCREATE, "No such mailbox"));
    }
}
