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

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Removing messages: EXPUNGE and UID EXPUNGE (RFC 9051 §6.4.3, RFC 4315 §2.1) take those with
 * \Deleted; POP3's DELE at QUIT takes exactly the given UIDs. Either way every removed message
 * leaves a tombstone at one new MODSEQ (RFC 7162 §3.2.10) and the counters and usage go down.
 * EXPUNGE and DELE are plain statements on the transaction's connection (ADR 0021); MOVE removes
 * its sources through {@link #remove(EntityManager, AccountId, MailboxEntity, AccountUsageEntity,
 * List, List, Which)} on the rows it has locked as entities.
 */
final class Expunger {
    /** How many MODSEQs back EXPUNGE first looks for \Deleted messages. */
    static final long RECENT_MODSEQS = 32;
    private static final String RECENTLY_DELETED = MessageRows.SQL_META_COLUMNS
            + " FROM MAILBOX_MESSAGE WHERE MAILBOX_ID = ? AND MODSEQ > ?" + Which.DELETED.sql;

    private final EntityManager em;
    private final AccountId owner;

    Expunger(EntityManager em, AccountId owner) {
        this.em = em;
        this.owner = owner;
    }

    Outcome<List<Uid>> expunge(MailboxId mailboxId, Optional<List<UidRange>> uids) throws StoreException {
        return Sql.run(em, sql -> {
            lockUsage(sql);
            Locked mailbox = lock(sql, mailboxId);
            if (mailbox.deletedCount() == 0) return Outcome.of(List.of());   // nothing has \Deleted: no need to look
            List<UidRange> ranges = uids.orElse(List.of(UidRange.ALL));
            List<MessageRow> deleted = deleted(sql, mailboxId, mailbox, ranges);
            return removed(deleted, remove(sql, mailboxId, mailbox.highestModSeq(), deleted, ranges, Which.DELETED));
        });
    }

    Outcome<List<Uid>> delete(MailboxId mailboxId, List<Uid> uids) throws StoreException {
        return Sql.run(em, sql -> {
            lockUsage(sql);
            Locked mailbox = lock(sql, mailboxId);
            List<UidRange> ranges = uids.stream().map(UidRange::of).toList();
            List<MessageRow> existing = MessageRows.select(sql, mailboxId.value(), ranges, Which.ALL);
            return removed(existing, remove(sql, mailboxId, mailbox.highestModSeq(), existing, ranges, Which.ALL));
        });
    }

    /**
     * The \Deleted messages in {@code ranges}, ordered by UID. Most are marked just before the
     * EXPUNGE, so the messages changed in the last {@link #RECENT_MODSEQS} MODSEQs are looked at
     * first, by the MODSEQ index; when they hold as many \Deleted messages as the locked
     * mailbox row counts, they hold all of them. Otherwise (a message marked long ago) the ranges
     * are read by UID as before. Reading the whole mailbox by UID was 40 % of EXPUNGE's CPU
     * samples in the IMAP mixed load (docs/adr/0024-imap-writes-fsyncs-and-expunge-look-up.md).
     */
    private static List<MessageRow> deleted(Sql sql, MailboxId mailboxId, Locked mailbox, List<UidRange> ranges) throws SQLException {
        if (mailbox.highestModSeq() > RECENT_MODSEQS) {
            List<MessageRow> recent = sql.list(RECENTLY_DELETED, MessageRow::of, mailboxId.value(),
                    mailbox.highestModSeq() - RECENT_MODSEQS);
            if (recent.size() == mailbox.deletedCount()) {
                return recent.stream().filter(m -> ranges.stream().anyMatch(r -> r.contains(m.uid())))
                        .sorted(Comparator.comparingLong(MessageRow::uid)).toList();
            }
        }
        return MessageRows.select(sql, mailboxId.value(), ranges, Which.DELETED);
    }

    /** What EXPUNGE reads of the locked mailbox row. */
    private record Locked(long highestModSeq, long deletedCount) {
    }

    /** Locks the account's usage row first (the package's lock order); {@link UsageRowMissing} when there is none yet. */
    private void lockUsage(Sql sql) throws SQLException {
        if (sql.first("SELECT USED_BYTES FROM ACCOUNT_USAGE WHERE ACCOUNT_ID = ?" + sql.forUpdate(), rs -> rs.getLong(1),
                owner.value()).isEmpty()) {
            throw new UsageRowMissing();
        }
    }

    private Locked lock(Sql sql, MailboxId mailboxId) throws SQLException, StoreException {
        return sql.first("SELECT HIGHEST_MODSEQ, DELETED_COUNT FROM MAILBOX WHERE ID = ? AND OWNER_ID = ?" + sql.forUpdate(),
                rs -> new Locked(rs.getLong(1), rs.getLong(2)), mailboxId.value(), owner.value())
                .orElseThrow(() -> MailboxRows.notFound(mailboxId.value()));
    }

    /**
     * Removes the messages, read from the locked mailbox in {@code ranges} with {@code which}, with
     * tombstones at a new MODSEQ, and lowers the mailbox's counters and the account's usage in one
     * UPDATE each. Null when there is nothing to remove, else the EXPUNGED event.
     */
    private MailboxEvent remove(Sql sql, MailboxId mailboxId, long highestModSeq, List<MessageRow> messages, List<UidRange> ranges,
                                Which which) throws SQLException {
        if (messages.isEmpty()) return null;
        long modSeq = highestModSeq + 1;
        Removed r = Removed.of(messages);
        MessageRows.remove(sql, mailboxId.value(), UidRanges.cover(ranges, r.uids()), which, modSeq);
        sql.update("UPDATE MAILBOX SET HIGHEST_MODSEQ = ?, MESSAGE_COUNT = MESSAGE_COUNT - ?, UNSEEN_COUNT = UNSEEN_COUNT - ?,"
                + " DELETED_COUNT = DELETED_COUNT - ?, SIZE_BYTES = SIZE_BYTES - ? WHERE ID = ?",
                modSeq, (long) messages.size(), r.unseen(), r.deleted(), r.bytes(), mailboxId.value());
        sql.update("UPDATE ACCOUNT_USAGE SET MESSAGE_COUNT = MESSAGE_COUNT - ?, USED_BYTES = USED_BYTES - ? WHERE ACCOUNT_ID = ?",
                (long) messages.size(), r.bytes(), owner.value());
        return r.event(mailboxId, owner, modSeq);
    }

    /** What removing some messages takes away: their UIDs, bytes, and how many were unseen and \Deleted. */
    private record Removed(List<Long> uids, long bytes, long unseen, long deleted) {
        static Removed of(List<MessageRow> messages) {
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
            return new Removed(uids, bytes, unseen, deleted);
        }

        MailboxEvent event(MailboxId mailboxId, AccountId owner, long modSeq) {
            return new MailboxEvent(mailboxId, owner, MailboxEvent.Kind.EXPUNGED, uids.stream().map(Uid::new).toList(), new ModSeq(modSeq));
        }
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
        Removed r = Removed.of(messages);
        new MessageRows(em, mailbox.getId()).remove(UidRanges.cover(ranges, r.uids()), which, modSeq);
        mailbox.count(-messages.size(), -r.unseen(), -r.deleted(), -r.bytes());
        if (usage != null) usage.count(-messages.size(), -r.bytes());
        return r.event(new MailboxId(mailbox.getId()), owner, modSeq);
    }
}
