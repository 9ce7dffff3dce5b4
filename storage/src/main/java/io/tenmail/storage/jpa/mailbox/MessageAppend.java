package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.DeliveryKey;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidValidity;
import jakarta.persistence.EntityManager;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * APPEND and local delivery (RFC 4315 APPENDUID) as one short transaction of plain statements
 * (ADR 0021), in the package's lock order:
 * <ol>
 *   <li>the account's usage row takes the bytes with the quota check in its WHERE clause (which
 *       also locks it; no row updated means over quota, or a usage row not created yet);
 *   <li>the mailbox row takes the UID, the MODSEQ and the counters in one UPDATE (which locks it),
 *       and gives back what it allocated (RETURNING on PostgreSQL, a read of the locked row on
 *       Derby);
 *   <li>the blob's parsed structure is inserted unless a row for it exists (PostgreSQL: in the
 *       same statement; Derby: looked up first, see {@link #insertParsedOnDerby});
 *   <li>the message row is inserted.
 * </ol>
 * A delivery key is not looked up first: its unique index refuses a second message, and the
 * store then asks {@link #delivered} in a transaction of its own (see {@code JpaMailboxStore}).
 */
final class MessageAppend {
    private static final String ADD_USAGE = "UPDATE ACCOUNT_USAGE SET USED_BYTES = USED_BYTES + ?, MESSAGE_COUNT = MESSAGE_COUNT + 1"
            + " WHERE ACCOUNT_ID = ?";
    private static final String ALLOCATE = "UPDATE MAILBOX SET UID_NEXT = UID_NEXT + 1, HIGHEST_MODSEQ = HIGHEST_MODSEQ + 1,"
            + " MESSAGE_COUNT = MESSAGE_COUNT + 1, UNSEEN_COUNT = UNSEEN_COUNT + ?, DELETED_COUNT = DELETED_COUNT + ?,"
            + " SIZE_BYTES = SIZE_BYTES + ? WHERE ID = ? AND OWNER_ID = ? AND UID_NEXT <= ?";
    private static final String ALLOCATED = " UID_NEXT, HIGHEST_MODSEQ, UID_VALIDITY";
    private static final String PARSED_EXISTS = "SELECT 1 FROM PARSED_MESSAGE WHERE BLOB_ID = ?";
    private static final String INSERT_PARSED_DERBY = "INSERT INTO PARSED_MESSAGE (BLOB_ID, STRUCTURE_JSON) VALUES (?, ?)";
    private static final String INSERT_PARSED_POSTGRES = "INSERT INTO PARSED_MESSAGE (BLOB_ID, STRUCTURE_JSON) VALUES (?, ?)"
            + " ON CONFLICT (BLOB_ID) DO NOTHING";
    private static final String INSERT_MESSAGE = "INSERT INTO MAILBOX_MESSAGE (MAILBOX_ID, MESSAGE_UID, MODSEQ, SYSTEM_FLAGS,"
            + " KEYWORDS, INTERNAL_DATE, SIZE_BYTES, BLOB_ID, DELIVERY_KEY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_DELIVERY_KEY = "SELECT m.MAILBOX_ID, m.MESSAGE_UID, m.MODSEQ, b.OWNER_ID, b.UID_VALIDITY"
            + " FROM MAILBOX_MESSAGE m JOIN MAILBOX b ON b.ID = m.MAILBOX_ID WHERE m.DELIVERY_KEY = ?";

    /** UID, MODSEQ and UIDVALIDITY an append took from its mailbox. */
    private record Allocated(long uid, long modSeq, long uidValidity) {
    }

    private final EntityManager em;
    private final AccountId owner;

    MessageAppend(EntityManager em, AccountId owner) {
        this.em = em;
        this.owner = owner;
    }

    /**
     * Appends the message (with {@code key}, a local delivery: the key is stored with it). With
     * {@code lookUpKeyFirst}, a key that an earlier message of the owner carries returns that
     * message and changes nothing (no event either).
     */
    Outcome<AppendResult> append(MailboxId mailboxId, NewMessage message, long quotaBytes, DeliveryKey key, boolean lookUpKeyFirst)
            throws StoreException {
        if (key != null && lookUpKeyFirst) {
            Optional<AppendResult> earlier = delivered(key);
            if (earlier.isPresent()) return Outcome.of(earlier.get());
        }
        int bits = StoredFlags.bits(message.flags());
        String keywords = StoredFlags.keywords(message.flags());   // INVALID before anything is written
        String blob = message.blob().hex();
        String json = ParsedMessageJson.write(message.parsed());
        Allocated a = Sql.run(em, sql -> {
            addUsage(sql, quotaBytes, message.size());
            Allocated allocated = allocate(sql, mailboxId, bits, message.size());
            if (sql.postgres()) {
                sql.update(INSERT_PARSED_POSTGRES, blob, json);
            } else {
                insertParsedOnDerby(sql, blob, json);
            }
            sql.update(INSERT_MESSAGE, mailboxId.value(), allocated.uid(), allocated.modSeq(), bits, Sql.text(keywords),
                    message.internalDate().toEpochMilli(), message.size(), blob, Sql.text(key == null ? null : key.value()));
            return allocated;
        });
        AppendResult result = new AppendResult(mailboxId, new UidValidity(a.uidValidity()), new Uid(a.uid()), new ModSeq(a.modSeq()));
        return Outcome.of(result, new MailboxEvent(mailboxId, owner, MailboxEvent.Kind.APPENDED, List.of(result.uid()), result.modSeq()));
    }

    /**
     * Inserts the parse unless the blob has one. Looked up first, because the same blob is common
     * (every recipient after the first of a delivery, the same mail appended to several accounts)
     * and a refused INSERT costs Derby an exception; a concurrent insert of the same new blob still
     * fails with a duplicate key, which is ignored (a failed statement undoes only itself on Derby).
     * Not Derby's MERGE: under concurrent deliveries it failed now and then with an internal
     * NullPointerException (SQLState XJ001) that also closed the connection, and the delivery went
     * to the error repository.
     */
    private static void insertParsedOnDerby(Sql sql, String blob, String json) throws SQLException {
        if (sql.first(PARSED_EXISTS, rs -> Boolean.TRUE, blob).isPresent()) return;
        try {
            sql.update(INSERT_PARSED_DERBY, blob, json);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) throw e;
        }
    }

    /**
     * The message an earlier delivery with this key stored, if it is still in one of the owner's
     * mailboxes; NOT_FOUND when another account's message holds the key.
     */
    Optional<AppendResult> delivered(DeliveryKey key) throws StoreException {
        Optional<Object[]> found = Sql.run(em, sql -> sql.first(BY_DELIVERY_KEY, rs -> new Object[]{
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}, key.value()));
        if (found.isEmpty()) return Optional.empty();
        Object[] row = found.get();
        if ((long) row[3] != owner.value()) throw MailboxRows.notFound(row[0]);
        return Optional.of(new AppendResult(new MailboxId((long) row[0]), new UidValidity((long) row[4]),
                new Uid((long) row[1]), new ModSeq((long) row[2])));
    }

    /** Adds the message to the account's usage, locking its row; OVER_QUOTA past a limit (0 = unlimited). */
    private void addUsage(Sql sql, long limitBytes, long bytes) throws SQLException, StoreException {
        boolean limited = limitBytes > 0 && bytes > 0;
        int updated = limited
                ? sql.update(ADD_USAGE + " AND USED_BYTES <= ?", bytes, owner.value(), limitBytes - bytes)
                : sql.update(ADD_USAGE, bytes, owner.value());
        if (updated == 1) return;
        Optional<Long> used = sql.first("SELECT USED_BYTES FROM ACCOUNT_USAGE WHERE ACCOUNT_ID = ?", rs -> rs.getLong(1), owner.value());
        if (used.isEmpty()) throw new UsageRowMissing();
        throw new StoreException(Reason.OVER_QUOTA, "quota exceeded: " + used.get() + " + " + bytes + " bytes > " + limitBytes);
    }

    /** Takes the next UID and MODSEQ of the owner's mailbox and counts the message in it, locking its row. */
    private Allocated allocate(Sql sql, MailboxId mailboxId, int bits, long size) throws SQLException, StoreException {
        Object[] parameters = {StoredFlags.isSeen(bits) ? 0L : 1L, StoredFlags.isDeleted(bits) ? 1L : 0L, size,
                mailboxId.value(), owner.value(), Uid.MAX};
        Optional<Allocated> allocated;
        if (sql.postgres()) {
            allocated = sql.first(ALLOCATE + " RETURNING" + ALLOCATED, MessageAppend::allocated, parameters);
        } else {
            allocated = sql.update(ALLOCATE, parameters) == 0 ? Optional.empty()
                    : sql.first("SELECT" + ALLOCATED + " FROM MAILBOX WHERE ID = ?", MessageAppend::allocated, mailboxId.value());
        }
        if (allocated.isPresent()) return allocated.get();
        boolean exists = sql.first("SELECT ID FROM MAILBOX WHERE ID = ? AND OWNER_ID = ?", rs -> rs.getLong(1),
                mailboxId.value(), owner.value()).isPresent();
        // RFC 9051 §2.3.1.1 would need a new UIDVALIDITY; 4 billion appends to one mailbox do not happen
        if (exists) throw new StoreException(Reason.INVALID, "mailbox has used up its UIDs");
        throw MailboxRows.notFound(mailboxId.value());
    }

    private static Allocated allocated(java.sql.ResultSet rs) throws SQLException {
        return new Allocated(rs.getLong(1) - 1, rs.getLong(2), rs.getLong(3));
    }
}
