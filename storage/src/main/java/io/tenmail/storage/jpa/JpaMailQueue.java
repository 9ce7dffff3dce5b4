package io.tenmail.storage.jpa;

import io.tenmail.storage.MailQueue;
import io.tenmail.storage.NodeId;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MailQueue} in the database through JPA, the same on Derby and PostgreSQL.
 *
 * <p>Leasing takes no lock a live thread must keep: {@link #lease} selects due candidates, then
 * claims each with a conditional UPDATE ({@code WHERE ID = ? AND (LEASED_UNTIL IS NULL OR
 * LEASED_UNTIL < now)}) that also increments {@code LEASE_TOKEN}; an update count of 1 means this
 * caller won the entry, so two workers, in one process or many, never hold the same entry. Claims
 * run in ascending id order, so concurrent leasers wait for one another but never deadlock.
 *
 * <p>Every operation on a leased entry is one conditional statement on its id and token (plus
 * LEASED_UNTIL IS NOT NULL): zero rows means the lease was lost (it expired and another worker
 * took the entry, or it was released) and the caller gets NOT_FOUND. A lease that merely expired,
 * with nobody else taking the entry, still lets its holder finish.
 *
 * <p>Each lease records the {@link NodeId} holding it (LEASE_NODE), so a node started again after a
 * crash releases its own leases at once ({@link #releaseLeasesOfThisNode}) and nobody else's. A
 * mail accepted on this node can be inserted already leased to it ({@link #enqueueLeased}), sparing
 * the worker the select-claim-load round trip (ADR 0019).
 *
 * <p>Statements run on every mail (insert, complete, the conditional updates) are plain JDBC in
 * units of their own ({@link Transactions#jdbc}): no EntityManager, persist, flush or query
 * parsing; recipients go in
 * multi-row INSERTs, attributes in the entry's ATTRIBUTES column ({@link QueueAttributesColumn},
 * changelog 0011; in QUEUE_ATTRIBUTE rows when too long, or queued before 0011). The recipient and
 * attribute rows have no foreign key (changelog 0010): every delete of an entry deletes them in the
 * same transaction, which spares Derby the cascading delete's and the key checks' table locks.
 *
 * <p>Lease times come from each node's clock, so nodes sharing a database need synchronised
 * clocks (NTP); a skew shortens or stretches leases by that much. Times are kept in milliseconds.
 */
public final class JpaMailQueue implements MailQueue {
    /** Rounds of select-then-claim a lease call makes when other workers win its candidates. */
    private static final int LEASE_ROUNDS = 5;
    /** Ids per IN (...) list, well below every database's parameter limit. */
    private static final int IN_LIST = 500;
    private static final int MAX_PROCESSOR = 100;
    private static final int MAX_ERROR = 2000;
    private static final int MAX_ORCPT = 500;
    private static final int MAX_DSN_NOTIFY = 64;

    // Conditional statements are plain SQL, identical on both databases: OpenJPA would turn a JPQL
    // bulk UPDATE into "WHERE ID IN (SELECT ...)" on Derby, whose scan locks rows of other workers.
    /** Parameters: id, lease token. */
    private static final String HELD = " WHERE ID = ? AND LEASE_TOKEN = ? AND LEASED_UNTIL IS NOT NULL";
    /** Parameters: until, node, id, now, now. */
    private static final String CLAIM = "UPDATE QUEUE_ENTRY SET LEASE_TOKEN = LEASE_TOKEN + 1, LEASED_UNTIL = ?, LEASE_NODE = ?"
            + " WHERE ID = ? AND PARKED = 0 AND NEXT_ATTEMPT_AT <= ? AND (LEASED_UNTIL IS NULL OR LEASED_UNTIL < ?)";
    /** Parameters: blob, size, reverse path, received, processor, next attempt, token, leased until, node, attributes. */
    private static final String INSERT_ENTRY = "INSERT INTO QUEUE_ENTRY (BLOB_ID, SIZE_BYTES, REVERSE_PATH, RECEIVED_AT, PROCESSOR,"
            + " PARKED, ATTEMPTS, NEXT_ATTEMPT_AT, LEASE_TOKEN, LEASED_UNTIL, LEASE_NODE, ATTRIBUTES) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)";
    private static final String INSERT_RECIPIENTS = "INSERT INTO QUEUE_RECIPIENT (ENTRY_ID, RCPT_INDEX, ADDRESS, RCPT_STATE, DSN_NOTIFY,"
            + " ORCPT, LAST_ERROR) VALUES ";
    private static final String INSERT_ATTRIBUTES = "INSERT INTO QUEUE_ATTRIBUTE (ENTRY_ID, ATTR_NAME, ATTR_VALUE) VALUES ";
    /**
     * Rows per multi-row INSERT: powers of two up to this, so a mail's rows take a few statements
     * and the databases' statement caches see at most six texts per table (Derby keeps 100).
     */
    private static final int MAX_ROWS_PER_INSERT = 32;
    /** The token of an entry inserted leased: never equal to the token of a lease taken later (claims increment it). */
    private static final long TOKEN_AT_ENQUEUE = 1;
    private static final String LEASABLE = "e.parked = 0 AND e.nextAttemptAt <= :now AND (e.leasedUntil IS NULL OR e.leasedUntil < :now)";

    private final Transactions transactions;
    private final Clock clock;
    private final NodeId node;

    /** A queue for a node of its own (tests): its leases are never taken back after a restart. */
    public JpaMailQueue(Transactions transactions) {
        this(transactions, Clock.systemUTC());
    }

    /** A queue for a node of its own (tests): its leases are never taken back after a restart. */
    public JpaMailQueue(Transactions transactions, Clock clock) {
        this(transactions, clock, NodeId.random());
    }

    /** @param node the node this process is; its leases are recorded under it */
    public JpaMailQueue(Transactions transactions, Clock clock, NodeId node) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public QueueEntryId enqueue(QueuedMail mail) throws StoreException {
        validate(mail);
        long now = clock.millis();
        return new QueueEntryId(transactions.jdbc(c -> insert(c, mail, now, 0, null)));
    }

    @Override
    public QueueEntry enqueueLeased(QueuedMail mail, Duration lease) throws StoreException {
        validate(mail);
        validateLease(lease);
        long now = clock.millis();
        long until = now + lease.toMillis();
        long id = transactions.jdbc(c -> insert(c, mail, now, TOKEN_AT_ENQUEUE, until));
        return new QueueEntry(new QueueEntryId(id), asStored(mail), ROOT, 0, Instant.ofEpochMilli(now), Optional.empty(), TOKEN_AT_ENQUEUE);
    }

    /**
     * One entry with its recipients and attributes: an INSERT for the entry, its attributes in its
     * ATTRIBUTES column (changelog 0011), and multi-row INSERTs for the recipients (one per power of
     * two in their count, e.g. 6 recipients = 4 + 2 rows), and for attributes too long for the
     * column. {@code until} null: not leased.
     */
    private long insert(Connection c, QueuedMail mail, long now, long token, Long until) throws SQLException {
        Optional<String> attributeColumn = QueueAttributesColumn.encode(mail.attributes());
        long id;
        try (PreparedStatement insert = c.prepareStatement(INSERT_ENTRY, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, mail.blob().hex());
            insert.setLong(2, mail.size());
            setString(insert, 3, mail.reversePath().map(EmailAddress::toString).orElse(null));
            insert.setLong(4, mail.received().toEpochMilli());
            insert.setString(5, ROOT);
            insert.setLong(6, now);
            insert.setLong(7, token);
            if (until == null) {
                insert.setNull(8, Types.BIGINT);
                insert.setNull(9, Types.VARCHAR);
            } else {
                insert.setLong(8, until);
                insert.setString(9, node.value());
            }
            setString(insert, 10, attributeColumn.orElse(null));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                // Derby returns the identity alone, PostgreSQL the whole row: ID is the first column of both
                if (!keys.next()) throw new SQLException("the database returned no id for the new queue entry");
                id = keys.getLong(1);
            }
        }
        insertRecipients(c, id, mail.recipients());
        if (attributeColumn.isEmpty()) {
            List<Object[]> attributes = new ArrayList<>(mail.attributes().size());
            mail.attributes().forEach((name, value) -> attributes.add(new Object[] {id, name, value}));
            insertRows(c, INSERT_ATTRIBUTES, 3, attributes);
        }
        return id;
    }

    private static void insertRecipients(Connection c, long entryId, Collection<QueuedRecipient> recipients) throws SQLException {
        List<Object[]> rows = new ArrayList<>(recipients.size());
        int index = 0;
        for (QueuedRecipient r : recipients) {
            rows.add(new Object[] {entryId, index++, r.address().toString(), r.state().name(), r.dsnNotify().orElse(null),
                    r.orcpt().orElse(null), r.lastError().map(e -> truncate(e, MAX_ERROR)).orElse(null)});
        }
        insertRows(c, INSERT_RECIPIENTS, 7, rows);
    }

    /**
     * Inserts {@code rows} with multi-row {@code INSERT ... VALUES (...), (...)} statements (both
     * databases have them): Derby runs each statement of a JDBC batch on its own, so one statement
     * per row would cost an execution per row. Null values are VARCHARs (the only nullable columns).
     */
    private static void insertRows(Connection c, String head, int columns, List<Object[]> rows) throws SQLException {
        int from = 0;
        while (from < rows.size()) {
            int n = Integer.highestOneBit(Math.min(rows.size() - from, MAX_ROWS_PER_INSERT));
            String row = "(" + "?, ".repeat(columns - 1) + "?)";
            try (PreparedStatement insert = c.prepareStatement(head + String.join(", ", Collections.nCopies(n, row)))) {
                int parameter = 1;
                for (Object[] values : rows.subList(from, from + n)) {
                    for (Object value : values) {
                        if (value == null) insert.setNull(parameter++, Types.VARCHAR);
                        else bindOne(insert, parameter++, value);
                    }
                }
                insert.executeUpdate();
            }
            from += n;
        }
    }

    /** The mail as {@link #load} would read it back: times in milliseconds, errors truncated. */
    private static QueuedMail asStored(QueuedMail mail) {
        List<QueuedRecipient> recipients = mail.recipients().stream().map(r -> new QueuedRecipient(r.address(), r.state(), r.dsnNotify(),
                r.orcpt(), r.lastError().map(e -> truncate(e, MAX_ERROR)))).toList();
        return new QueuedMail(mail.blob(), mail.size(), mail.reversePath(), recipients, mail.attributes(),
                Instant.ofEpochMilli(mail.received().toEpochMilli()));
    }

    private static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) statement.setNull(index, Types.VARCHAR);
        else statement.setString(index, value);
    }

    @Override
    public int releaseLeasesOfThisNode() throws StoreException {
        // a new token, so a worker of this node that is somehow still running loses the entry
        return transactions.jdbc(c -> update(c, "UPDATE QUEUE_ENTRY SET LEASE_TOKEN = LEASE_TOKEN + 1, LEASED_UNTIL = NULL,"
                + " LEASE_NODE = NULL WHERE LEASE_NODE = ? AND LEASED_UNTIL IS NOT NULL", node.value()));
    }

    @Override
    public List<QueueEntry> lease(int max, Duration lease) throws StoreException {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1: " + max);
        validateLease(lease);
        List<QueueEntry> leased = new ArrayList<>();
        for (int round = 0; round < LEASE_ROUNDS && leased.size() < max; round++) {
            long now = clock.millis();
            int wanted = max - leased.size();
            // selecting in its own transaction keeps the claiming one down to row locks taken in id order
            List<Long> candidates = transactions.run(em -> em.createQuery(
                            "SELECT e.id FROM QueueEntryEntity e WHERE " + LEASABLE + " ORDER BY e.nextAttemptAt, e.id", Long.class)
                    .setParameter("now", now)
                    .setMaxResults(wanted)
                    .getResultList());
            if (candidates.isEmpty()) break;
            long until = now + lease.toMillis();
            Set<Long> won = transactions.jdbc(c -> claim(c, candidates, now, until));
            // loaded after the claims commit: the claiming transaction holds only the claimed rows' locks
            List<Long> ours = candidates.stream().filter(won::contains).toList();   // due first, as selected
            leased.addAll(transactions.run(em -> load(em, ours)));
            if (candidates.size() < wanted) break;   // every due entry was a candidate
        }
        return leased;
    }

    /** Claims the candidates it can; ascending id order, so concurrent claimers never deadlock. */
    private Set<Long> claim(Connection c, List<Long> candidates, long now, long until) throws SQLException {
        Set<Long> won = new HashSet<>();
        try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
            for (Long id : candidates.stream().sorted().toList()) {
                bind(claim, until, node.value(), id, now, now);
                if (claim.executeUpdate() == 1) won.add(id);
            }
        }
        return won;
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) bindOne(statement, i + 1, parameters[i]);
    }

    private static void bindOne(PreparedStatement statement, int index, Object parameter) throws SQLException {
        switch (parameter) {
            case Long l -> statement.setLong(index, l);
            case Integer n -> statement.setInt(index, n);
            case String s -> statement.setString(index, s);
            default -> throw new IllegalArgumentException("unexpected parameter " + parameter);
        }
    }

    /**
     * Deletes the rows of these entries. The list is padded to a power of two with its last id, so
     * the statement caches (Derby keeps 100 texts) see a handful of texts, not one per batch size.
     */
    private static void deleteIn(Connection c, String table, List<Long> entryIds) throws SQLException {
        int size = Integer.highestOneBit(entryIds.size());
        if (size < entryIds.size()) size *= 2;
        List<Long> padded = new ArrayList<>(entryIds);
        while (padded.size() < size) padded.add(entryIds.get(entryIds.size() - 1));
        update(c, "DELETE FROM " + table + " WHERE ENTRY_ID IN (" + String.join(", ", Collections.nCopies(size, "?")) + ")", padded.toArray());
    }

    /** Removes the rows that belong to an entry being deleted in the same transaction (no cascade: changelog 0010). */
    private static void deleteDependents(Connection c, long id) throws SQLException {
        update(c, "DELETE FROM QUEUE_RECIPIENT WHERE ENTRY_ID = ?", id);
        update(c, "DELETE FROM QUEUE_ATTRIBUTE WHERE ENTRY_ID = ?", id);
    }

    @Override
    public void update(QueueEntry entry, String processor, List<QueuedRecipient> recipients) throws StoreException {
        validateProcessor(processor);
        if (ERROR.equals(processor)) throw new IllegalArgumentException("an entry enters the error processor through moveToError");
        List<QueuedRecipient> copy = List.copyOf(recipients);
        for (QueuedRecipient r : copy) validate(r);
        transactions.jdbc(c -> {
            // the row lock this update takes keeps a new leaser out until we commit
            requireHeld(entry, update(c, "UPDATE QUEUE_ENTRY SET PROCESSOR = ?" + HELD, processor, entry.id().value(), entry.leaseToken()));
            update(c, "DELETE FROM QUEUE_RECIPIENT WHERE ENTRY_ID = ?", entry.id().value());
            insertRecipients(c, entry.id().value(), copy);
            return null;
        });
    }

    @Override
    public void complete(QueueEntry entry) throws StoreException {
        long id = entry.id().value();
        transactions.jdbc(c -> {
            // the entry first: its row lock proves the lease before anything else is touched
            Removal removal = removeHeld(c, entry);
            requireHeld(entry, removal == Removal.LEASE_LOST ? 0 : 1);
            update(c, "DELETE FROM QUEUE_RECIPIENT WHERE ENTRY_ID = ?", id);
            if (removal == Removal.WITH_ATTRIBUTE_ROWS) update(c, "DELETE FROM QUEUE_ATTRIBUTE WHERE ENTRY_ID = ?", id);
            return null;
        });
    }

    /** What became of an entry a lease holder removed. */
    private enum Removal { ATTRIBUTES_IN_COLUMN, WITH_ATTRIBUTE_ROWS, LEASE_LOST }

    /**
     * Deletes a held entry. Most entries keep their attributes in their own row (changelog 0011), so
     * the first DELETE names that case and spares the QUEUE_ATTRIBUTE delete; an entry whose
     * attributes are rows (too long, or queued before 0011) is deleted by the second.
     */
    private static Removal removeHeld(Connection c, QueueEntry entry) throws SQLException {
        long id = entry.id().value();
        if (update(c, "DELETE FROM QUEUE_ENTRY" + HELD + " AND ATTRIBUTES IS NOT NULL", id, entry.leaseToken()) == 1) {
            return Removal.ATTRIBUTES_IN_COLUMN;
        }
        return update(c, "DELETE FROM QUEUE_ENTRY" + HELD, id, entry.leaseToken()) == 1 ? Removal.WITH_ATTRIBUTE_ROWS : Removal.LEASE_LOST;
    }

    @Override
    public int completeAll(List<QueueEntry> entries) throws StoreException {
        if (entries.isEmpty()) return 0;
        // ascending ids, like the claims: concurrent completers and claimers wait, never deadlock
        List<QueueEntry> sorted = entries.stream().sorted(Comparator.comparingLong(e -> e.id().value())).toList();
        return transactions.jdbc(c -> {
            List<Long> removed = new ArrayList<>(sorted.size());
            List<Long> withAttributeRows = new ArrayList<>();
            for (QueueEntry entry : sorted) {
                switch (removeHeld(c, entry)) {
                    case ATTRIBUTES_IN_COLUMN -> removed.add(entry.id().value());
                    case WITH_ATTRIBUTE_ROWS -> {
                        removed.add(entry.id().value());
                        withAttributeRows.add(entry.id().value());
                    }
                    case LEASE_LOST -> { }   // the row is another holder's now
                }
            }
            for (List<Long> chunk : chunks(removed)) deleteIn(c, "QUEUE_RECIPIENT", chunk);
            for (List<Long> chunk : chunks(withAttributeRows)) deleteIn(c, "QUEUE_ATTRIBUTE", chunk);
            return removed.size();
        });
    }

    @Override
    public void reschedule(QueueEntry entry, Instant next, String error) throws StoreException {
        long nextAt = next.toEpochMilli();
        transactions.jdbc(c -> requireHeld(entry, update(c, "UPDATE QUEUE_ENTRY SET ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = ?,"
                + " LEASED_UNTIL = NULL, LEASE_NODE = NULL, " + setLastError(error) + HELD,
                withError(error, nextAt, entry.id().value(), entry.leaseToken()))));
    }

    @Override
    public void moveToError(QueueEntry entry, String error) throws StoreException {
        transactions.jdbc(c -> requireHeld(entry, update(c, "UPDATE QUEUE_ENTRY SET PROCESSOR = ?, PARKED = 1,"
                + " LEASED_UNTIL = NULL, LEASE_NODE = NULL, " + setLastError(error) + HELD,
                withError(error, ERROR, entry.id().value(), entry.leaseToken()))));
    }

    /** A null error is written as the literal NULL: a null parameter has no SQL type for PostgreSQL to go by. */
    private static String setLastError(String error) {
        return error == null ? "LAST_ERROR = NULL" : "LAST_ERROR = ?";
    }

    /** The statement's parameters, with the error after the first one when it is bound. */
    private static Object[] withError(String error, Object first, Object... rest) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(first);
        if (error != null) parameters.add(truncate(error, MAX_ERROR));
        parameters.addAll(List.of(rest));
        return parameters.toArray();
    }

    private static Void requireHeld(QueueEntry entry, int rows) throws StoreException {
        if (rows == 0) throw new StoreException(Reason.NOT_FOUND, "queue entry " + entry.id().value() + " is no longer leased by this worker");
        return null;
    }

    @Override
    public Page<QueueEntry> list(String processor, int offset, int limit) throws StoreException {
        if (offset < 0 || limit < 1) throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
        // the error repository is exactly the parked entries (moveToError sets both, retryNow clears both):
        // PARKED leads the due index, so it is found without an index of its own on PROCESSOR (changelog 0011)
        boolean byName = processor != null && !ERROR.equals(processor);
        String where = processor == null ? "" : byName ? " WHERE e.processor = :processor AND e.parked = 0" : " WHERE e.parked = 1";
        return transactions.run(em -> {
            var count = em.createQuery("SELECT COUNT(e) FROM QueueEntryEntity e" + where, Long.class);
            var ids = em.createQuery("SELECT e.id FROM QueueEntryEntity e" + where + " ORDER BY e.id", Long.class);
            if (byName) {
                count.setParameter("processor", processor);
                ids.setParameter("processor", processor);
            }
            List<Long> page = ids.setFirstResult(offset).setMaxResults(limit).getResultList();
            return new Page<>(load(em, page), count.getSingleResult(), offset, limit);
        });
    }

    @Override
    public void retryNow(QueueEntryId id) throws StoreException {
        long now = clock.millis();
        transactions.jdbc(c -> {
            int rows = update(c, "UPDATE QUEUE_ENTRY SET PROCESSOR = ?, PARKED = 0, NEXT_ATTEMPT_AT = ? WHERE ID = ? AND PARKED = 1",
                    ROOT, now, id.value());
            if (rows == 0) {
                // not parked: only bring the next attempt forward; a worker holding it keeps its lease
                rows = update(c, "UPDATE QUEUE_ENTRY SET NEXT_ATTEMPT_AT = ? WHERE ID = ?", now, id.value());
            }
            if (rows == 0) throw notFound(id);
            return null;
        });
    }

    @Override
    public void delete(QueueEntryId id) throws StoreException {
        transactions.jdbc(c -> {
            if (update(c, "DELETE FROM QUEUE_ENTRY WHERE ID = ?", id.value()) == 0) throw notFound(id);
            deleteDependents(c, id.value());
            return null;
        });
    }

    @Override
    public long size() throws StoreException {
        return transactions.run(em -> em.createQuery("SELECT COUNT(e) FROM QueueEntryEntity e WHERE e.parked = 0", Long.class).getSingleResult());
    }

    @Override
    public Duration untilNextDue() throws StoreException {
        long now = clock.millis();
        Long next = transactions.run(em -> {
            Long due = em.createQuery("SELECT MIN(e.nextAttemptAt) FROM QueueEntryEntity e WHERE e.parked = 0"
                    + " AND (e.leasedUntil IS NULL OR e.leasedUntil < :now)", Long.class).setParameter("now", now).getSingleResult();
            // a leased entry comes due again if its worker dies and the lease runs out
            Long expiry = em.createQuery("SELECT MIN(e.leasedUntil) FROM QueueEntryEntity e WHERE e.parked = 0"
                    + " AND e.leasedUntil >= :now", Long.class).setParameter("now", now).getSingleResult();
            if (expiry != null) expiry = expiry + 1;
            if (due == null) return expiry;
            return expiry == null ? due : Math.min(due, expiry);
        });
        return next == null ? null : Duration.ofMillis(Math.max(0, next - now));
    }

    /** The entries with these ids, recipients and attributes included, in the order of {@code ids}. */
    private static List<QueueEntry> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<QueueEntryEntity> entries = new ArrayList<>();
        Map<Long, List<QueuedRecipient>> recipients = new HashMap<>();
        Map<Long, Map<String, String>> attributes = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            List<QueueEntryEntity> loaded = em.createQuery("SELECT e FROM QueueEntryEntity e WHERE e.id IN :ids", QueueEntryEntity.class)
                    .setParameter("ids", chunk).getResultList();
            entries.addAll(loaded);
            for (QueueRecipientEntity r : em.createQuery("SELECT r FROM QueueRecipientEntity r WHERE r.entryId IN :ids"
                    + " ORDER BY r.entryId, r.rcptIndex", QueueRecipientEntity.class).setParameter("ids", chunk).getResultList()) {
                recipients.computeIfAbsent(r.entryId(), k -> new ArrayList<>()).add(toRecipient(r));
            }
            // rows only for attributes too long for the column, and for entries queued before changelog 0011
            List<Long> inRows = loaded.stream().filter(e -> e.attributes() == null).map(QueueEntryEntity::id).toList();
            for (QueueEntryEntity e : loaded) {
                if (e.attributes() != null) attributes.put(e.id(), QueueAttributesColumn.decode(e.attributes()));
            }
            if (!inRows.isEmpty()) {
                for (QueueAttributeEntity a : em.createQuery("SELECT a FROM QueueAttributeEntity a WHERE a.entryId IN :ids",
                        QueueAttributeEntity.class).setParameter("ids", inRows).getResultList()) {
                    attributes.computeIfAbsent(a.entryId(), k -> new HashMap<>()).put(a.name(), a.value());
                }
            }
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) position.put(ids.get(i), i);
        entries.sort(Comparator.comparing(e -> position.get(e.id())));
        List<QueueEntry> result = new ArrayList<>(entries.size());
        for (QueueEntryEntity e : entries) {
            QueuedMail mail = new QueuedMail(new BlobId(e.blobId()), e.sizeBytes(),
                    Optional.ofNullable(e.reversePath()).map(EmailAddress::parse),
                    recipients.getOrDefault(e.id(), List.of()), attributes.getOrDefault(e.id(), Map.of()),
                    Instant.ofEpochMilli(e.receivedAt()));
            result.add(new QueueEntry(new QueueEntryId(e.id()), mail, e.processor(), e.attempts(),
                    Instant.ofEpochMilli(e.nextAttemptAt()), Optional.ofNullable(e.lastError()), e.leaseToken()));
        }
        return result;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) chunks.add(ids.subList(from, Math.min(ids.size(), from + IN_LIST)));
        return chunks;
    }

    private static QueuedRecipient toRecipient(QueueRecipientEntity r) {
        return new QueuedRecipient(EmailAddress.parse(r.address()), QueuedRecipient.State.valueOf(r.state()),
                Optional.ofNullable(r.dsnNotify()), Optional.ofNullable(r.orcpt()), Optional.ofNullable(r.lastError()));
    }

    private static void validate(QueuedMail mail) throws StoreException {
        if (mail.recipients().isEmpty()) throw new IllegalArgumentException("a queued mail needs at least one recipient");
        if (mail.size() < 0) throw new IllegalArgumentException("negative size: " + mail.size());
        for (QueuedRecipient r : mail.recipients()) validate(r);
        for (Map.Entry<String, String> a : mail.attributes().entrySet()) {
            if (a.getKey().isEmpty() || a.getKey().length() > QueueAttributeEntity.MAX_NAME) {
                throw new StoreException(Reason.INVALID, "attribute name must have 1 to " + QueueAttributeEntity.MAX_NAME + " characters: " + a.getKey());
            }
            if (a.getValue().length() > QueueAttributeEntity.MAX_VALUE) {
                throw new StoreException(Reason.INVALID, "attribute " + a.getKey() + " is longer than " + QueueAttributeEntity.MAX_VALUE + " characters");
            }
        }
    }

    private static void validate(QueuedRecipient r) throws StoreException {
        // RFC 3461 §4.2: ORCPT is an address type and an xtext address; 500 is far above real ones
        if (r.orcpt().map(String::length).orElse(0) > MAX_ORCPT) {
            throw new StoreException(Reason.INVALID, "ORCPT of " + r.address() + " is longer than " + MAX_ORCPT + " characters");
        }
        if (r.dsnNotify().map(String::length).orElse(0) > MAX_DSN_NOTIFY) {
            throw new StoreException(Reason.INVALID, "NOTIFY of " + r.address() + " is longer than " + MAX_DSN_NOTIFY + " characters");
        }
    }

    private static void validateLease(Duration lease) {
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive: " + lease);
    }

    private static void validateProcessor(String processor) {
        if (processor == null || processor.isBlank() || processor.length() > MAX_PROCESSOR) {
            throw new IllegalArgumentException("processor name must have 1 to " + MAX_PROCESSOR + " characters: " + processor);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static StoreException notFound(QueueEntryId id) {
        return new StoreException(Reason.NOT_FOUND, "no queue entry " + id.value());
    }
}
