package io.tenmail.imap.command;

import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.request.SelectRequest;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Changes;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * QRESYNC (RFC 7162 §3.2): what a client that kept a mailbox's state learns when it comes back.
 * The store keeps a tombstone for every expunge, so the UIDs expunged after any MODSEQ are known
 * exactly; the client's sequence match data (§3.2.5.2), a help for servers that forget expunges,
 * is therefore not needed and is ignored. UIDs still in the session's view are left out of
 * {@code VANISHED (EARLIER)}: they are expunges the session has yet to announce, and will be, as
 * {@code VANISHED} without EARLIER, which also renumbers.
 */
public final class QuickResync {

    private QuickResync() {
    }

    /**
     * RFC 7162 §3.2.5: after SELECT/EXAMINE with the QRESYNC parameter and a matching
     * UIDVALIDITY, the UIDs expunged since the client's MODSEQ as {@code VANISHED (EARLIER)}, then
     * {@code FETCH (UID FLAGS MODSEQ)} for every message changed since, both limited to the
     * client's known UIDs when it sent them.
     */
    static void afterSelect(ImapSession session, MailboxStore store, SelectRequest.Qresync q) throws StoreException, IOException {
        SelectedMailbox selected = session.selected();
        if (q.uidValidity() != selected.info().uidValidity().value()) return;   // §3.2.5: a full resync is needed
        Changes changes = store.changesSince(session.owner(), selected.id(), new ModSeq(q.modSeq()));
        // known-uids never hold "*" (the parser refuses it), so any largest UID resolves them
        LongPredicate isKnown = q.knownUids().map(set -> member(set, 1)).orElse(u -> true);
        long[] vanished = changes.expunged().stream().mapToLong(Uid::value)
                .filter(u -> selected.seqOf(u) == 0 && isKnown.test(u))
                .sorted().distinct().toArray();
        ResponseWriter w = session.writer();
        if (vanished.length > 0) w.untagged().atom("VANISHED").openList().atom("EARLIER").closeList()
                .atom(SequenceSet.ofAscending(vanished).toString()).end();
        List<MessageMeta> changed = changes.changed().stream()
                .filter(m -> selected.seqOf(m.uid().value()) > 0 && !selected.isExpungePending(m.uid().value()))
                .filter(m -> isKnown.test(m.uid().value()))
                .sorted(Comparator.comparing(MessageMeta::uid)).toList();
        for (MessageMeta m : changed) {
            w.untagged().number(selected.seqOf(m.uid().value())).atom("FETCH").openList()
                    .atom("UID").number(m.uid().value()).atom("FLAGS").flags(m.flags())
                    .atom("MODSEQ").openList().number(m.modSeq().value()).closeList().closeList().end();
        }
    }

    /** Membership in a UID set, resolved once (a mailbox may have many tombstones). */
    private static LongPredicate member(SequenceSet set, long largest) {
        List<SequenceSet.Range> ranges = set.resolve(largest);   // sorted and disjoint
        long[] lows = ranges.stream().mapToLong(SequenceSet.Range::low).toArray();
        return uid -> {
            int i = Arrays.binarySearch(lows, uid);
            if (i < 0) i = -i - 2;
            return i >= 0 && ranges.get(i).contains(uid);
        };
    }

    /**
     * RFC 7162 §3.2.6: for UID FETCH … (CHANGEDSINCE n VANISHED), the UIDs of {@code uidSet}
     * expunged after MODSEQ n, as {@code VANISHED (EARLIER)}, before the FETCH responses.
     */
    public static void vanishedSince(ImapSession session, MailboxStore store, SequenceSet uidSet, long changedSince)
            throws StoreException, IOException {
        SelectedMailbox selected = session.selected();
        Changes changes = store.changesSince(session.owner(), selected.id(), new ModSeq(changedSince));
        if (changes.expunged().isEmpty()) return;
        long maxExpunged = changes.expunged().stream().mapToLong(Uid::value).max().orElse(0);
        // "*" is the highest UID in use; an expunged UID above every remaining one still counts
        long largest = Math.min(SequenceSet.MAX_NUMBER, Math.max(Math.max(selected.highestUid(), maxExpunged), 1));
        LongPredicate requested = member(uidSet, largest);
        long[] vanished = changes.expunged().stream().mapToLong(Uid::value)
                .filter(u -> selected.seqOf(u) == 0 && requested.test(u))
                .sorted().distinct().toArray();
        if (vanished.length == 0) return;
        session.writer().untagged().atom("VANISHED").openList().atom("EARLIER").closeList()
                .atom(SequenceSet.ofAscending(vanished).toString()).end();
    }
}
