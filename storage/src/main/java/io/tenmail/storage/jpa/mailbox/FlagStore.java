package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.MailboxStore.FlagResult;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.mailbox.MessageRows.State;
import io.tenmail.storage.jpa.mailbox.MessageRows.Which;
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
import java.util.Optional;

/**
 * STORE (RFC 9051 §6.4.6) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3). All messages whose
 * flags change take the same new MODSEQ; messages whose flags stay the same keep theirs; messages
 * with a MODSEQ above UNCHANGEDSINCE are left alone and reported as failed. Messages are grouped
 * by their flags before the change (which decide their flags after it), and each group is written
 * with one bulk UPDATE per requested range, conditioned on those flags. Plain statements on the
 * transaction's connection (ADR 0021): the mailbox row locked with the read of its MODSEQ, the
 * messages read, the groups updated, and the mailbox's MODSEQ and counters in one UPDATE.
 */
final class FlagStore {
    private final EntityManager em;
    private final AccountId owner;

    FlagStore(EntityManager em, AccountId owner) {
        this.em = em;
        this.owner = owner;
    }

    Outcome<FlagResult> store(MailboxId mailboxId, List<UidRange> uids, FlagUpdate mode, Flags flags,
                              Optional<ModSeq> unchangedSince) throws StoreException {
        StoredFlags.keywords(flags);   // INVALID before anything is read
        long id = mailboxId.value();
        return Sql.run(em, sql -> {
            long modSeq = sql.first("SELECT HIGHEST_MODSEQ FROM MAILBOX WHERE ID = ? AND OWNER_ID = ?" + sql.forUpdate(),
                    rs -> rs.getLong(1), id, owner.value()).orElseThrow(() -> MailboxRows.notFound(id)) + 1;
            // messages in one state all get the same new flags: one group, one update per range
            Map<State, State> next = new LinkedHashMap<>();
            Map<State, List<Long>> groups = new LinkedHashMap<>();
            List<MessageMeta> updated = new ArrayList<>();
            List<Uid> failed = new ArrayList<>();
            long unseenDelta = 0;
            long deletedDelta = 0;
            for (MessageRow m : MessageRows.select(sql, id, uids, Which.ALL)) {
                if (unchangedSince.isPresent() && m.modSeq() > unchangedSince.get().value()) {
                    failed.add(new Uid(m.uid()));
                    continue;
                }
                State old = new State(m.systemFlags(), m.keywords());
                State stored = next.get(old);
                if (stored == null) {
                    Flags flagsAfter = FlagUpdater.apply(mode, m.flags(), flags);
                    stored = new State(StoredFlags.bits(flagsAfter), StoredFlags.keywords(flagsAfter));
                    next.put(old, stored);
                }
                if (stored.equals(old)) continue;
                groups.computeIfAbsent(old, k -> new ArrayList<>()).add(m.uid());
                updated.add(m.with(stored.systemFlags(), stored.keywords(), modSeq).meta(id));
                unseenDelta += (StoredFlags.isSeen(stored.systemFlags()) ? 0 : 1) - (m.seen() ? 0 : 1);
                deletedDelta += (StoredFlags.isDeleted(stored.systemFlags()) ? 1 : 0) - (m.deleted() ? 1 : 0);
            }
            FlagResult result = new FlagResult(updated, failed);
            if (updated.isEmpty()) return Outcome.of(result);
            Long maxModSeq = unchangedSince.map(ModSeq::value).orElse(null);
            for (Map.Entry<State, List<Long>> g : groups.entrySet()) {
                MessageRows.updateFlags(sql, id, UidRanges.cover(uids, g.getValue()), g.getKey(), maxModSeq, next.get(g.getKey()), modSeq);
            }
            sql.update("UPDATE MAILBOX SET HIGHEST_MODSEQ = ?, UNSEEN_COUNT = UNSEEN_COUNT + ?, DELETED_COUNT = DELETED_COUNT + ?"
                    + " WHERE ID = ?", modSeq, unseenDelta, deletedDelta, id);
            List<Uid> changed = updated.stream().map(MessageMeta::uid).toList();
            return Outcome.of(result, new MailboxEvent(mailboxId, owner, MailboxEvent.Kind.FLAGS_CHANGED, changed, new ModSeq(modSeq)));
        });
    }
}
