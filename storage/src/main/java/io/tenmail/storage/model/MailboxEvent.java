package io.tenmail.storage.model;

import java.util.List;

/**
 * A committed change to a mailbox, for sessions that have it selected (IMAP untagged EXISTS,
 * EXPUNGE, FETCH FLAGS; IDLE wake-ups).
 *
 * @param uids the UIDs appended, whose flags changed, or expunged
 */
public record MailboxEvent(MailboxId mailbox, AccountId owner, Kind kind, List<Uid> uids, ModSeq highestModSeq) {
    public enum Kind {
        APPENDED, FLAGS_CHANGED, EXPUNGED, DELETED, RENAMED
    }

    public MailboxEvent {
        uids = List.copyOf(uids);
    }
}
