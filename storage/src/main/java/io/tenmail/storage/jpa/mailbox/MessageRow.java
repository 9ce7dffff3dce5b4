package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.jpa.MessageEntity;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;

import java.time.Instant;

/** One message as listings read it: the columns of {@link MessageEntity#META}, no entity. */
record MessageRow(long uid, long modSeq, int systemFlags, String keywords, long internalDate, long size, String blobId) {

    static MessageRow of(Object[] columns) {
        return new MessageRow(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue(),
                ((Number) columns[2]).intValue(), (String) columns[3], ((Number) columns[4]).longValue(),
                ((Number) columns[5]).longValue(), (String) columns[6]);
    }

    Flags flags() {
        return StoredFlags.decode(systemFlags, keywords);
    }

    boolean seen() {
        return StoredFlags.isSeen(systemFlags);
    }

    MessageMeta meta(long mailboxId) {
        return new MessageMeta(new MailboxId(mailboxId), new Uid(uid), new ModSeq(modSeq), flags(),
                Instant.ofEpochMilli(internalDate), size, new BlobId(blobId));
    }

    /** The same message with other flags and MODSEQ. */
    MessageRow with(int systemFlags, String keywords, long modSeq) {
        return new MessageRow(uid, modSeq, systemFlags, keywords, internalDate, size, blobId);
    }
}
