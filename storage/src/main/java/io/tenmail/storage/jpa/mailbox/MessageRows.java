package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.jpa.ExpungedMessageEntity;
import io.tenmail.storage.jpa.MessageEntity;
import io.tenmail.storage.model.UidRange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one mailbox: listings by UID ranges and MODSEQ, inserts, flag updates and
 * removal with tombstones. Reads select columns, not entities; writes are bulk statements of at
 * most {@link #MAX_UIDS} UIDs, so a 100,000-message mailbox is never loaded as entities. Callers
 * hold the mailbox row lock for every write.
 */
final class MessageRows {
    static final int MAX_UIDS = 500;
    /** RFC 9051 \Deleted: MOD(bits, 2 * DELETED) >= DELETED tests the bit without bit operators (Derby has none). */
    private static final String IS_DELETED = " AND MOD(m.systemFlags, " + 2 * StoredFlags.DELETED + ") >= " + StoredFlags.DELETED;

    private final EntityManager em;
    private final long mailboxId;

    MessageRows(EntityManager em, long mailboxId) {
        this.em = em;
        this.mailboxId = mailboxId;
    }

    /** The messages in the ranges, ordered by UID. */
    List<MessageRow> inRanges(List<UidRange> ranges) {
        return select(ranges, "");
    }

    /** The messages in the ranges that have \Deleted, ordered by UID. */
    List<MessageRow> deletedInRanges(List<UidRange> ranges) {
        return select(ranges, IS_DELETED);
    }

    /** Messages added or changed after {@code modSeq}, ordered by UID. */
    List<MessageRow> changedSince(long modSeq) {
        return rows(em.createNamedQuery(MessageEntity.CHANGED_SINCE, Object[].class)
                .setParameter("mailbox", mailboxId).setParameter("since", modSeq));
    }

    /** UIDs expunged after {@code modSeq}, ascending. */
    List<Long> expungedSince(long modSeq) {
        return em.createNamedQuery(ExpungedMessageEntity.SINCE, Long.class)
                .setParameter("mailbox", mailboxId).setParameter("since", modSeq).getResultList();
    }

    List<Long> uids() {
        return em.createNamedQuery(MessageEntity.UIDS, Long.class).setParameter("mailbox", mailboxId).getResultList();
    }

    void insert(long uid, long modSeq, int systemFlags, String keywords, long internalDate, long size, String blobId) {
        em.persist(new MessageEntity(mailboxId, uid, modSeq, systemFlags, keywords, internalDate, size, blobId));
    }

    /** Sets the flags and MODSEQ of exactly these messages. */
    void updateFlags(List<Long> uids, int systemFlags, String keywords, long modSeq) {
        for (List<Long> chunk : chunks(uids)) {
            em.createQuery("UPDATE MessageEntity m SET m.systemFlags = :bits, m.keywords = :keywords, m.modSeq = :modSeq"
                            + " WHERE m.mailboxId = :mailbox AND m.uid IN :uids")
                    .setParameter("bits", systemFlags).setParameter("keywords", keywords).setParameter("modSeq", modSeq)
                    .setParameter("mailbox", mailboxId).setParameter("uids", chunk).executeUpdate();
        }
    }

    /** Deletes exactly these messages and leaves a tombstone for each at {@code modSeq}. */
    void remove(List<Long> uids, long modSeq) {
        for (List<Long> chunk : chunks(uids)) {
            em.createQuery("DELETE FROM MessageEntity m WHERE m.mailboxId = :mailbox AND m.uid IN :uids")
                    .setParameter("mailbox", mailboxId).setParameter("uids", chunk).executeUpdate();
        }
        for (long uid : uids) em.persist(new ExpungedMessageEntity(mailboxId, uid, modSeq));
    }

    private List<MessageRow> select(List<UidRange> ranges, String condition) {
        List<MessageRow> result = new ArrayList<>();
        for (List<UidRange> chunk : UidRanges.chunks(ranges)) {
            StringBuilder jpql = new StringBuilder(MessageEntity.META).append(" WHERE m.mailboxId = :mailbox AND (");
            for (int i = 0; i < chunk.size(); i++) {
                jpql.append(i == 0 ? "" : " OR ").append("m.uid BETWEEN :f").append(i).append(" AND :l").append(i);
            }
            jpql.append(')').append(condition).append(" ORDER BY m.uid");
            TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("mailbox", mailboxId);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter("f" + i, chunk.get(i).first()).setParameter("l" + i, chunk.get(i).last());
            }
            // chunks are ascending and disjoint, so appending keeps UID order
            result.addAll(rows(query));
        }
        return result;
    }

    private static List<MessageRow> rows(TypedQuery<Object[]> query) {
        List<Object[]> rows = query.getResultList();
        List<MessageRow> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) result.add(MessageRow.of(row));
        return result;
    }

    private static List<List<Long>> chunks(List<Long> uids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < uids.size(); i += MAX_UIDS) chunks.add(uids.subList(i, Math.min(uids.size(), i + MAX_UIDS)));
        return chunks;
    }
}
