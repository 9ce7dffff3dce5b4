package io.tenmail.storage.model;

import java.util.List;

/**
 * Committed: an account's messages were copied or moved (IMAP COPY/MOVE, or any other client path
 * through {@link io.tenmail.storage.MailboxStore#copy}/{@link io.tenmail.storage.MailboxStore#move})
 * from one of its mailboxes to another. Fired as a CDI event after the commit, for observers that
 * learn from users' actions (the spam filter's training: a move into Junk says "spam").
 * Observers are called on the store's caller thread and must only hand the event over.
 *
 * @param targetUids the UIDs the messages have in {@code target}
 * @param moved      true for a move (the sources are gone), false for a copy
 */
public record MessagesTransferred(AccountId owner, MailboxId source, MailboxId target, List<Uid> targetUids, boolean moved) {
    public MessagesTransferred {
        targetUids = List.copyOf(targetUids);
    }
}
