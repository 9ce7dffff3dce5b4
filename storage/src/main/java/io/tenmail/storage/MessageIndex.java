package io.tenmail.storage;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxId;

import java.util.Arrays;
import java.util.Optional;

/**
 * A full-text index of the messages in mailboxes, for IMAP SEARCH on large mailboxes
 * (docs/adr/0010-full-text-index.md). It follows the {@link MailboxStore} asynchronously, so it may
 * lag behind: every answer says up to which UID of the mailbox it is complete, and callers examine
 * the messages above that themselves. Matching is what IMAP asks for (RFC 9051 §6.4.4): a
 * case-insensitive substring of the decoded text, with runs of white space compared as one space;
 * only the first {@code maxTextBytes} of a message's decoded body are indexed.
 *
 * <p>Scoped like the store: the owner is part of every query, and another account's mailbox has no
 * hits. Thread-safe. Reasons thrown: TEMPORARY (the index cannot be read).
 */
public interface MessageIndex {

    /** The text a query searches, named as IMAP SEARCH names it. */
    enum Field {
        SUBJECT, FROM, TO, CC, BCC,
        /** the Message-ID header field (IMAP {@code HEADER Message-ID}) */
        MESSAGE_ID,
        /** the decoded text parts of the body */
        BODY,
        /** the header (encoded words decoded) and the body */
        TEXT
    }

    /**
     * What the index knows of one mailbox for one query.
     *
     * @param uids          the matching UIDs the index knows, ascending
     * @param completeUpTo  every message of the mailbox with a UID up to this one was indexed (0:
     *                      none); the index has no answer for messages with higher UIDs
     */
    record Hits(long[] uids, long completeUpTo) {
        public Hits {
            uids = uids.clone();
            Arrays.sort(uids);
        }

        /** Whether the index answers for this message. */
        public boolean covers(long uid) {
            return uid <= completeUpTo;
        }

        /** Whether the message matches; meaningful only when {@link #covers} it. */
        public boolean contains(long uid) {
            return Arrays.binarySearch(uids, uid) >= 0;
        }
    }

    /**
     * The messages of a mailbox whose {@code field} contains {@code text}. Empty when the index
     * cannot answer at all (not open yet, or a text too short to look up): the caller then
     * examines every message itself.
     */
    Optional<Hits> search(AccountId owner, MailboxId mailbox, Field field, String text) throws StoreException;

    /** An index that never answers: every search examines the messages. */
    MessageIndex NONE = (owner, mailbox, field, text) -> Optional.empty();
}
