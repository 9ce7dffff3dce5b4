package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.MailboxStore.FlagResult;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.MailboxEntity;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * STORE (RFC 9051 §6.4.6) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3). All messages whose
 * flags change take the same new MODSEQ; messages whose flags stay the same keep theirs; messages
 * with a MODSEQ above UNCHANGEDSINCE are left alone and reported as failed. The changed messages
 * are written with one bulk UPDATE per resulting flag combination.
 */
final class FlagStore {
    private record NewFlags(int bits, String keywords) {
    }

    private final EntityManager em;
    private final AccountId owner;

    FlagStore(EntityManager em, AccountId owner) {
        this.em = em;
        this.owner = owner;
    }

    Outcome<FlagResult> store(MailboxId mailboxId, List<UidRange> uids, FlagUpdate mode, Flags flags,
                              Optional<ModSeq> unchangedSince) throws StoreException {
        StoredFlags.keywords(flags);   // INVALID before anything is read
        MailboxEntity mailbox = new MailboxRows(em, owner).lock(mailboxId);
        MessageRows messages = new MessageRows(em, mailbox.getId());
        long modSeq = mailbox.getHighestModSeq() + 1;
        Map<NewFlags, List<Long>> groups = new LinkedHashMap<>();
        List<MessageMeta> updated = new ArrayList<>();
        List<Uid> failed = new ArrayList<>();
        long unseenDelta = 0;
        for (MessageRow m : messages.inRanges(uids)) {
            if (unchangedSince.isPresent() && m.modSeq() > unchangedSince.get().value()) {
                failed.add(new Uid(m.uid()));
                continue;
            }
            Flags next = FlagUpdater.apply(mode, m.flags(), flags);
            NewFlags stored = new NewFlags(StoredFlags.bits(next), StoredFlags.keywords(next));
            if (stored.bits() == m.systemFlags() && Objects.equals(stored.keywords(), m.keywords())) continue;
            groups.computeIfAbsent(stored, k -> new ArrayList<>()).add(m.uid());
            updated.add(m.with(stored.bits(), stored.keywords(), modSeq).meta(mailbox.getId()));
            unseenDelta += (m.seen() ? 0 : 1) - (StoredFlags.isSeen(stored.bits()) ? 0 : 1);
        }
        FlagResult result = new FlagResult(updated, failed);
        if (updated.isEmpty()) return Outcome.of(result);
        MailboxRows.nextModSeq(mailbox);
        for (Map.Entry<NewFlags, List<Long>> g : groups.entrySet()) {
            messages.updateFlags(g.getValue(), g.getKey().bits(), g.getKey().keywords(), modSeq);
        }
        mailbox.count(0, -unseenDelta, 0);
        List<Uid> changed = updated.stream().map(MessageMeta::uid).toList();
        return Outcome.of(result, new MailboxEvent(mailboxId, owner, MailboxEvent.Kind.FLAGS_CHANGED, changed, new ModSeq(modSeq)));
    }
}
