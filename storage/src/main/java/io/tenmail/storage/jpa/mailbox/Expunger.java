package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.MailboxEntity;
import io.tenmail.storage.jpa.mailbox.MessageRows.Which;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removing messages: EXPUNGE and UID EXPUNGE (RFC 9051 §6.4.3, RFC 4315 §2.1) take those with
 * \Deleted; POP3's DELE at QUIT takes exactly the given UIDs. Either way every removed message
 * leaves a tombstone at one new MODSEQ (RFC 7162 §3.2.10) and the counters and usage go down.
 */
final class Expunger {
    private final EntityManager em;
    private final AccountId owner;

    Expunger(EntityManager em, AccountId owner) {
        this.em = em;
        this.owner = owner;
    }

    Outcome<List<Uid>> expunge(MailboxId mailboxId, Optional<List<UidRange>> uids) throws StoreException {
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        MailboxEntity mailbox = new MailboxRows(em, owner).lock(mailboxId);
        if (mailbox.getDeletedCount() == 0) return Outcome.of(List.of());   // nothing has \Deleted: no need to look
        List<UidRange> ranges = uids.orElse(List.of(UidRange.ALL));
        List<MessageRow> deleted = new MessageRows(em, mailbox.getId()).select(ranges, Which.DELETED);
        return removed(deleted, remove(em, owner, mailbox, usage, deleted, ranges, Which.DELETED));
    }

    Outcome<List<Uid>> delete(MailboxId mailboxId, List<Uid> uids) throws StoreException {
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        MailboxEntity mailbox = new MailboxRows(em, owner).lock(mailboxId);
        List<UidRange> ranges = uids.stream().map(UidRange::of).toList();
        List<MessageRow> existing = new MessageRows(em, mailbox.getId()).inRanges(ranges);
        return removed(existing, remove(em, owner, mailbox, usage, existing, ranges, Which.ALL));
    }

    private static Outcome<List<Uid>> removed(List<MessageRow> messages, MailboxEvent event) {
        List<Uid> uids = messages.stream().map(m -> new Uid(m.uid())).toList();
        return event == null ? Outcome.of(uids) : Outcome.of(uids, event);
    }

    /**
     * Removes the messages, read from a locked mailbox in {@code ranges} with {@code which}, with
     * tombstones at a new MODSEQ; lowers usage unless {@code usage} is null (a move keeps the bytes
     * in the account). Null when there is nothing to remove, else the EXPUNGED event.
     */
    static MailboxEvent remove(EntityManager em, AccountId owner, MailboxEntity mailbox, AccountUsageEntity usage,
                               List<MessageRow> messages, List<UidRange> ranges, Which which) {
        if (messages.isEmpty()) return null;
        long modSeq = MailboxRows.nextModSeq(mailbox);
        List<Long> uids = new ArrayList<>(messages.size());
        long bytes = 0;
        long unseen = 0;
        long deleted = 0;
        for (MessageRow m : messages) {
            uids.add(m.uid());
            bytes += m.size();
            unseen += m.seen() ? 0 : 1;
            deleted += m.deleted() ? 1 : 0;
        }
        new MessageRows(em, mailbox.getId()).remove(UidRanges.cover(ranges, uids), which, modSeq);
        mailbox.count(-messages.size(), -unseen, -deleted, -bytes);
        if (usage != null) usage.count(-messages.size(), -bytes);
        return new MailboxEvent(new MailboxId(mailbox.getId()), owner, MailboxEvent.Kind.EXPUNGED,
                uids.stream().map(Uid::new).toList(), new ModSeq(modSeq));
    }
}
