package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.jpa.ExpungedMessageEntity;
import io.tenmail.storage.jpa.MessageEntity;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MessageFlags;
import io.tenmail.storage.model.UidRange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of one mailbox: listings by UID ranges and MODSEQ, inserts, flag updates and
 * removal with tombstones. Reads select columns, not entities, so a 100,000-message mailbox never
 * fills the persistence context; every statement is an index range scan (see {@link UidRanges}).
 * Callers hold the mailbox row lock for every write, and write with the condition they read with.
 */
final class MessageRows {
    /** Which messages of a range a statement takes. */
    enum Which {
        ALL("", ""),
        /** RFC 9051 \Deleted, tested without bit operators (Derby has none). */
        DELETED(" AND MOD(m.systemFlags, 16) >= 8", MessageEntity.SQL_IS_DELETED);

        final String jpql;
        final String sql;

        Which(String jpql, String sql) {
            this.jpql = jpql;
            this.sql = sql;
        }
    }

    /** A message's flags before a change: the condition that picks out a group of messages to update. */
    record State(int systemFlags, String keywords) {
    }

    private final EntityManager em;
    private final long mailboxId;

    MessageRows(EntityManager em, long mailboxId) {
        this.em = em;
        this.mailboxId = mailboxId;
    }

    /** The messages in the ranges, ordered by UID. */
    List<MessageRow> inRanges(List<UidRange> ranges) {
        return select(ranges, Which.ALL);
    }

    /** The messages in the ranges that {@code which} takes, ordered by UID. */
    List<MessageRow> select(List<UidRange> ranges, Which which) {
        List<MessageRow> result = new ArrayList<>();
        for (UidRanges.Span span : UidRanges.spans(ranges)) {
            TypedQuery<Object[]> query = em.createQuery(MessageEntity.META + " WHERE m.mailboxId = :mailbox"
                            + " AND m.uid BETWEEN :first AND :last" + which.jpql + " ORDER BY m.uid", Object[].class)
                    .setParameter("mailbox", mailboxId).setParameter("first", span.first()).setParameter("last", span.last());
            for (MessageRow row : rows(query)) {
                if (span.contains(row.uid())) result.add(row);
            }
        }
        return result;
    }

    /** Messages added or changed after {@code modSeq}, ordered by UID. */
    List<MessageRow> changedSince(long modSeq) {
        List<MessageRow> rows = rows(em.createNamedQuery(MessageEntity.CHANGED_SINCE, Object[].class)
                .setParameter("mailbox", mailboxId).setParameter("since", modSeq));
        rows.sort(Comparator.comparingLong(MessageRow::uid));
        return rows;
    }

    /** UIDs expunged after {@code modSeq}, ascending. */
    List<Long> expungedSince(long modSeq) {
        List<Long> uids = new ArrayList<>(em.createNamedQuery(ExpungedMessageEntity.SINCE, Long.class)
                .setParameter("mailbox", mailboxId).setParameter("since", modSeq).getResultList());
        uids.sort(null);
        return uids;
    }

    /**
     * UID, MODSEQ, flags, size, internal date and blob of every message, ordered by UID: seven
     * columns by the primary key with one native statement, and each distinct flag combination
     * decoded once (SELECT of a large mailbox).
     */
    List<MessageFlags> flags() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(MessageEntity.SQL_FLAGS_OF_MAILBOX).setParameter(1, mailboxId).getResultList();
        Map<State, Flags> decoded = new HashMap<>();
        List<MessageFlags> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            State state = new State(((Number) row[2]).intValue(), (String) row[3]);
            Flags flags = decoded.computeIfAbsent(state, st -> StoredFlags.decode(st.systemFlags(), st.keywords()));
            result.add(new MessageFlags(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), flags,
                    ((Number) row[5]).longValue(), ((Number) row[4]).longValue(), new BlobId((String) row[6])));
        }
        return result;
    }

    List<Long> uids() {
        return em.createNamedQuery(MessageEntity.UIDS, Long.class).setParameter("mailbox", mailboxId).getResultList();
    }

    void insert(long uid, long modSeq, int systemFlags, String keywords, long internalDate, long size, String blobId) {
        insert(uid, modSeq, systemFlags, keywords, internalDate, size, blobId, null);
    }

    /** Inserts a message; {@code deliveryKey} is null except for local delivery. */
    void insert(long uid, long modSeq, int systemFlags, String keywords, long internalDate, long size, String blobId,
                String deliveryKey) {
        em.persist(new MessageEntity(mailboxId, uid, modSeq, systemFlags, keywords, internalDate, size, blobId, deliveryKey));
    }

    /** Deletes the messages in {@code ranges} that {@code which} takes, leaving a tombstone for each at {@code modSeq}. */
    void remove(List<UidRange> ranges, Which which, long modSeq) {
        for (UidRange range : ranges) {
            em.createNativeQuery(ExpungedMessageEntity.SQL_EXPUNGE_RANGE + which.sql).setParameter(1, modSeq)
                    .setParameter(2, mailboxId).setParameter(3, range.first()).setParameter(4, range.last()).executeUpdate();
            em.createNativeQuery(MessageEntity.SQL_DELETE_RANGE + which.sql).setParameter(1, mailboxId)
                    .setParameter(2, range.first()).setParameter(3, range.last()).executeUpdate();
        }
    }

    // ---- the same on the transaction's JDBC connection (ADR 0021: STORE and EXPUNGE)

    /** The columns {@link MessageRow#of(java.sql.ResultSet)} reads, in its order. */
    static final String SQL_META_COLUMNS = "SELECT MESSAGE_UID, MODSEQ, SYSTEM_FLAGS, KEYWORDS, INTERNAL_DATE, SIZE_BYTES, BLOB_ID";
    private static final String SQL_META = SQL_META_COLUMNS + " FROM MAILBOX_MESSAGE WHERE MAILBOX_ID = ? AND MESSAGE_UID BETWEEN ? AND ?";

    /** The messages of {@code mailboxId} in the ranges that {@code which} takes, ordered by UID. */
    static List<MessageRow> select(Sql sql, long mailboxId, List<UidRange> ranges, Which which) throws SQLException {
        List<MessageRow> result = new ArrayList<>();
        String statement = SQL_META + which.sql + " ORDER BY MESSAGE_UID";
        for (UidRanges.Span span : UidRanges.spans(ranges)) {
            for (MessageRow row : sql.list(statement, MessageRow::of, mailboxId, span.first(), span.last())) {
                if (span.contains(row.uid())) result.add(row);
            }
        }
        return result;
    }

    /**
     * Gives the messages in {@code ranges} that are in state {@code old} (and, with
     * {@code maxModSeq}, have a MODSEQ no greater) new flags and a new MODSEQ.
     */
    static void updateFlags(Sql sql, long mailboxId, List<UidRange> ranges, State old, Long maxModSeq, State flags, long modSeq)
            throws SQLException {
        String statement = MessageEntity.sqlUpdateFlags(flags.keywords() != null, old.keywords() != null, maxModSeq != null);
        for (UidRange range : ranges) {
            List<Object> parameters = new ArrayList<>();
            parameters.add(flags.systemFlags());
            if (flags.keywords() != null) parameters.add(flags.keywords());
            parameters.addAll(List.of(modSeq, mailboxId, range.first(), range.last(), old.systemFlags()));
            if (old.keywords() != null) parameters.add(old.keywords());
            if (maxModSeq != null) parameters.add(maxModSeq);
            sql.update(statement, parameters.toArray());
        }
    }

    /** {@link #remove(List, Which, long)} on JDBC. */
    static void remove(Sql sql, long mailboxId, List<UidRange> ranges, Which which, long modSeq) throws SQLException {
        for (UidRange range : ranges) {
            sql.update(ExpungedMessageEntity.SQL_EXPUNGE_RANGE + which.sql, modSeq, mailboxId, range.first(), range.last());
            sql.update(MessageEntity.SQL_DELETE_RANGE + which.sql, mailboxId, range.first(), range.last());
        }
    }

    private static List<MessageRow> rows(TypedQuery<Object[]> query) {
        List<Object[]> rows = query.getResultList();
        List<MessageRow> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) result.add(MessageRow.of(row));
        return result;
    }
}
