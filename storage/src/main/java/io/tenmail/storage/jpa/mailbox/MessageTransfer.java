package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.MailboxEntity;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.CopyResult;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import io.tenmail.storage.model.UidValidity;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages copied or moved between mailboxes: COPY (RFC 4315 COPYUID) and MOVE (RFC 6851);
 * APPEND and delivery are {@link MessageAppend}. Each allocates a block of UIDs and one new MODSEQ on the locked target row;
 * copies share the blob and keep flags and internal date. Usage and quota are updated in the same
 * transaction.
 */
final class MessageTransfer {
    private final EntityManager em;
    private final AccountId owner;
    private final MailboxRows rows;

    MessageTransfer(EntityManager em, AccountId owner) {
        this.em = em;
        this.owner = owner;
        this.rows = new MailboxRows(em, owner);
    }

    /**
     * Copies (or moves) the messages in {@code uids} from source to target, in UID order, so that
     * COPYUID's source and target sets correspond. Copying into the same mailbox is allowed and
     * makes duplicates with new UIDs. A move changes no usage and so never fails on quota.
     */
    Outcome<CopyResult> transfer(MailboxId sourceId, List<UidRange> uids, MailboxId targetId, boolean move, long quotaBytes)
            throws StoreException {
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        MailboxEntity[] locked = rows.lockBoth(sourceId, targetId);
        MailboxEntity source = locked[0];
        MailboxEntity target = locked[1];
        UidValidity targetValidity = new UidValidity(target.getUidValidity());
        List<MessageRow> messages = new MessageRows(em, source.getId()).inRanges(uids);
        if (messages.isEmpty()) return Outcome.of(new CopyResult(targetValidity, List.of(), List.of()));

        long bytes = 0;
        long unseen = 0;
        long deleted = 0;
        for (MessageRow m : messages) {
            bytes += m.size();
            unseen += m.seen() ? 0 : 1;
            deleted += m.deleted() ? 1 : 0;
        }
        if (!move) AccountUsageRows.checkQuota(usage, quotaBytes, bytes);
        long firstUid = MailboxRows.allocateUids(target, messages.size());
        long modSeq = MailboxRows.nextModSeq(target);
        MessageRows targetRows = new MessageRows(em, target.getId());
        List<Uid> sourceUids = new ArrayList<>(messages.size());
        List<Uid> targetUids = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            MessageRow m = messages.get(i);
            targetRows.insert(firstUid + i, modSeq, m.systemFlags(), m.keywords(), m.internalDate(), m.size(), m.blobId());
            sourceUids.add(new Uid(m.uid()));
            targetUids.add(new Uid(firstUid + i));
        }
        target.count(messages.size(), unseen, deleted, bytes);
        List<MailboxEvent> events = new ArrayList<>();
        events.add(new MailboxEvent(targetId, owner, MailboxEvent.Kind.APPENDED, targetUids, new ModSeq(modSeq)));
        if (move) {
            events.add(Expunger.remove(em, owner, source, null, messages, uids, MessageRows.Which.ALL));
        } else {
            usage.count(messages.size(), bytes);
        }
        return new Outcome<>(new CopyResult(targetValidity, sourceUids, targetUids), events);
    }
}
