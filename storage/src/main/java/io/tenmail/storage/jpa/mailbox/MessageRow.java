package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.jpa.MessageEntity;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One message as listings read it: the columns of {@link MessageEntity#META}, no entity. */
record MessageRow(long uid, long modSeq, int systemFlags, String keywords, long internalDate, long size, String blobId) {

    static MessageRow of(Object[] columns) {
        return new MessageRow(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue(),
                ((Number) columns[2]).intValue(), (String) columns[3], ((Number) columns[4]).longValue(),
                ((Number) columns[5]).longValue(), (String) columns[6]);
    }

    /** The columns of {@link MessageEntity#META}, in that order, from a JDBC result. */
    static MessageRow of(ResultSet rs) throws SQLException {
        return new MessageRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getString(7));
    }

    Flags flags() {
        return StoredFlags.decode(systemFlags, keywords);
    }

    boolean seen() {
        return StoredFlags.isSeen(systemFlags);
    }

    boolean deleted() {
        return StoredFlags.isDeleted(systemFlags);
    }

    MessageMeta meta(long mailboxId) {
        return new MessageMeta(new MailboxId(mailboxId), new Uid(uid), new ModSeq(modSeq), flags(),
                Instant.ofEpochMilli(internalDate), size, new BlobId(blobId));
    }

    /**
     * The rows as MessageMeta, decoding each distinct flag combination and blob id once: a
     * 100,000-message listing has a handful of flag combinations.
     */
    static List<MessageMeta> metas(List<MessageRow> rows, long mailboxId) {
        MailboxId mailbox = new MailboxId(mailboxId);
        Map<MessageRows.State, Flags> flags = new HashMap<>();
        Map<String, BlobId> blobs = new HashMap<>();
        List<MessageMeta> metas = new ArrayList<>(rows.size());
        for (MessageRow r : rows) {
            Flags f = flags.computeIfAbsent(new MessageRows.State(r.systemFlags(), r.keywords()), s -> r.flags());
            BlobId blob = blobs.computeIfAbsent(r.blobId(), BlobId::new);
            metas.add(new MessageMeta(mailbox, new Uid(r.uid()), new ModSeq(r.modSeq()), f, Instant.ofEpochMilli(r.internalDate()), r.size(), blob));
        }
        return metas;
    }

    /** The same message with other flags and MODSEQ. */
    MessageRow with(int systemFlags, String keywords, long modSeq) {
        return new MessageRow(uid, modSeq, systemFlags, keywords, internalDate, size, blobId);
    }
}
