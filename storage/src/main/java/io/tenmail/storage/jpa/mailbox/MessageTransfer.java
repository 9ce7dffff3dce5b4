package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.MailboxEntity;
import io.tenmail.storage.jpa.MessageEntity;
import io.tenmail.storage.jpa.ParsedMessageEntity;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.CopyResult;
import io.tenmail.storage.model.DeliveryKey;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import io.tenmail.storage.model.UidValidity;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Messages arriving in a mailbox: APPEND and delivery (RFC 4315 APPENDUID), COPY (COPYUID) and
 * MOVE (RFC 6851). Each allocates a block of UIDs and one new MODSEQ on the locked target row;
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

    Outcome<AppendResult> append(MailboxId mailboxId, NewMessage message, long quotaBytes) throws StoreException {
        return append(mailboxId, message, quotaBytes, null);
    }

    /**
     * Appends, or with a delivery key that an earlier message of the owner carries, returns that
     * message and changes nothing (no event either: nothing changed).
     */
    Outcome<AppendResult> append(MailboxId mailboxId, NewMessage message, long quotaBytes, DeliveryKey key) throws StoreException {
        if (key != null) {
            Optional<AppendResult> earlier = delivered(key);
            if (earlier.isPresent()) return Outcome.of(earlier.get());
        }
        int bits = StoredFlags.bits(message.flags());
        String keywords = StoredFlags.keywords(message.flags());
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        AccountUsageRows.checkQuota(usage, quotaBytes, message.size());
        MailboxEntity mailbox = rows.lock(mailboxId);
        storeParsed(message);
        long uid = MailboxRows.allocateUids(mailbox, 1);
        long modSeq = MailboxRows.nextModSeq(mailbox);
        new MessageRows(em, mailbox.getId()).insert(uid, modSeq, bits, keywords, message.internalDate().toEpochMilli(),
                message.size(), message.blob().hex(), key == null ? null : key.value());
        mailbox.count(1, StoredFlags.isSeen(bits) ? 0 : 1, StoredFlags.isDeleted(bits) ? 1 : 0, message.size());
        usage.count(1, message.size());
        AppendResult result = new AppendResult(mailboxId, new UidValidity(mailbox.getUidValidity()), new Uid(uid), new ModSeq(modSeq));
        return Outcome.of(result, new MailboxEvent(mailboxId, owner, MailboxEvent.Kind.APPENDED, List.of(result.uid()), result.modSeq()));
    }

    /** The message an earlier delivery with this key stored, if it is still in one of the owner's mailboxes. */
    private Optional<AppendResult> delivered(DeliveryKey key) throws StoreException {
        List<Object[]> found = em.createNamedQuery(MessageEntity.BY_DELIVERY_KEY, Object[].class)
                .setParameter("key", key.value()).getResultList();
        if (found.isEmpty()) return Optional.empty();
        Object[] row = found.get(0);
        MailboxId mailboxId = new MailboxId(((Number) row[0]).longValue());
        MailboxEntity mailbox = rows.find(mailboxId);   // NOT_FOUND when the key is another owner's
        return Optional.of(new AppendResult(mailboxId, new UidValidity(mailbox.getUidValidity()),
                new Uid(((Number) row[1]).longValue()), new ModSeq(((Number) row[2]).longValue())));
    }

    /**
     * Stores the parsed structure of the message's blob unless an earlier message did. Flushed at
     * once, because the message row refers to it; a concurrent insert of the same blob fails this
     * transaction with ALREADY_EXISTS, and running it again finds the row.
     */
    private void storeParsed(NewMessage message) {
        if (em.find(ParsedMessageEntity.class, message.blob().hex()) != null) return;
        em.persist(new ParsedMessageEntity(message.blob().hex(), ParsedMessageJson.write(message.parsed())));
        em.flush();
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
