package io.tenmail.imap.session;

import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The views of recently listed or deselected mailboxes, so that the next SELECT of one (by any session)
 * starts from it and asks the store only what changed since ({@link SelectedMailbox#select}),
 * instead of listing every message again: clients re-SELECT the same mailboxes all the time, and
 * listing 100,000 messages reads 100,000 rows. A view is kept only when it was in step with the
 * store at a known MODSEQ (no expunge waiting to be announced); the store's MODSEQ-ordered change
 * listing, tombstones included, brings it up to date exactly. At most {@code maxMessages} messages
 * in all, least recently used mailboxes go first. Thread-safe.
 */
public final class ViewCache {
    /**
     * The messages of one mailbox at {@code modSeq}, in UID order, as {@link SelectedMailbox}
     * keeps them (sizes, dates, and blob ids as 32 bytes each); the arrays are never changed, and
     * sessions selecting the mailbox share them until they change something.
     */
    record Snapshot(long uidValidity, long modSeq, long[] uids, long[] modSeqs, Flags[] flags,
                    long[] sizes, long[] dates, byte[] blobs) {
    }

    private final long maxMessages;
    private final Map<MailboxId, Snapshot> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long messages;

    public ViewCache(long maxMessages) {
        this.maxMessages = maxMessages;
    }

    synchronized Snapshot get(MailboxId mailbox) {
        return entries.get(mailbox);
    }

    /** Keeps a view, unless a newer one of the same mailbox is kept already. */
    synchronized void put(MailboxId mailbox, Snapshot snapshot) {
        if (snapshot.uids().length > maxMessages) return;
        Snapshot old = entries.get(mailbox);
        if (old != null) {
            if (old.uidValidity() == snapshot.uidValidity() && old.modSeq() > snapshot.modSeq()) return;
            entries.remove(mailbox);
            messages -= old.uids().length;
        }
        entries.put(mailbox, snapshot);
        messages += snapshot.uids().length;
        for (Iterator<Snapshot> it = entries.values().iterator(); messages > maxMessages && it.hasNext(); ) {
            Snapshot eldest = it.next();
            it.remove();
            messages -= eldest.uids().length;
        }
    }

    /** Forgets a mailbox's view (its view could not be brought up to date). */
    synchronized void remove(MailboxId mailbox) {
        Snapshot old = entries.remove(mailbox);
        if (old != null) messages -= old.uids().length;
    }
}
