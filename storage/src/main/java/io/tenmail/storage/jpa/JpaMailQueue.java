package io.tenmail.storage.jpa;

import io.tenmail.storage.MailQueue;
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
import jakarta.persistence.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
    /** Parameters: until, id, now, now. */
    private static final String CLAIM = "UPDATE QUEUE_ENTRY SET LEASE_TOKEN = LEASE_TOKEN + 1, LEASED_UNTIL = ?"
            + " WHERE ID = ? AND PARKED = 0 AND NEXT_ATTEMPT_AT <= ? AND (LEASED_UNTIL IS NULL OR LEASED_UNTIL < ?)";
    private static final String LEASABLE = "e.parked = 0 AND e.nextAttemptAt <= :now AND (e.leasedUntil IS NULL OR e.leasedUntil < :now)";

    private final Transactions transactions;
    private final Clock clock;

    public JpaMailQueue(Transactions transactions) {
        this(transactions, Clock.systemUTC());
    }

    public JpaMailQueue(Transactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public QueueEntryId enqueue(QueuedMail mail) throws StoreException {
        validate(mail);
        long now = clock.millis();
        return transactions.run(em -> {
            QueueEntryEntity entry = new QueueEntryEntity(mail.blob().hex(), mail.size(),
                    mail.reversePath().map(EmailAddress::toString).orElse(null), mail.received().toEpochMilli(), ROOT, now);
            em.persist(entry);
            em.flush();   // assigns the id the recipient and attribute rows refer to
            persistRecipients(em, entry.id(), mail.recipients());
            mail.attributes().forEach((name, value) -> em.persist(new QueueAttributeEntity(entry.id(), name, value)));
            return new QueueEntryId(entry.id());
        });
    }

    @Override
    public List<QueueEntry> lease(int max, Duration lease) throws StoreException {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1: " + max);
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive: " + lease);
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
            Set<Long> won = transactions.run(em -> claim(em, candidates, now, until));
            // loaded after the claims commit: the claiming transaction holds only the claimed rows' locks
            List<Long> ours = candidates.stream().filter(won::contains).toList();   // due first, as selected
            leased.addAll(transactions.run(em -> load(em, ours)));
            if (candidates.size() < wanted) break;   // every due entry was a candidate
        }
        return leased;
    }

    /** Claims the candidates it can; ascending id order, so concurrent claimers never deadlock. */
    private static Set<Long> claim(EntityManager em, List<Long> candidates, long now, long until) {
        Set<Long> won = new HashSet<>();
        for (Long id : candidates.stream().sorted().toList()) {
            if (execute(em, CLAIM, until, id, now, now) == 1) won.add(id);
        }
        return won;
    }

    private static int execute(EntityManager em, String sql, Object... parameters) {
        Query statement = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) statement.setParameter(i + 1, parameters[i]);
        return statement.executeUpdate();
    }

    @Override
    public void update(QueueEntry entry, String processor, List<QueuedRecipient> recipients) throws StoreException {
        validateProcessor(processor);
        if (ERROR.equals(processor)) throw new IllegalArgumentException("an entry enters the error processor through moveToError");
        List<QueuedRecipient> copy = List.copyOf(recipients);
        for (QueuedRecipient r : copy) validate(r);
        transactions.run(em -> {
            // the row lock this update takes keeps a new leaser out until we commit
            requireHeld(entry, execute(em, "UPDATE QUEUE_ENTRY SET PROCESSOR = ?" + HELD, processor, entry.id().value(), entry.leaseToken()));
            execute(em, "DELETE FROM QUEUE_RECIPIENT WHERE ENTRY_ID = ?", entry.id().value());
            persistRecipients(em, entry.id().value(), copy);
            return null;
        });
    }

    @Override
    public void complete(QueueEntry entry) throws StoreException {
        // recipients and attributes go with it: ON DELETE CASCADE
        transactions.run(em -> requireHeld(entry, execute(em, "DELETE FROM QUEUE_ENTRY" + HELD, entry.id().value(), entry.leaseToken())));
    }

    @Override
    public void reschedule(QueueEntry entry, Instant next, String error) throws StoreException {
        long nextAt = next.toEpochMilli();
        transactions.run(em -> requireHeld(entry, execute(em, "UPDATE QUEUE_ENTRY SET ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT_AT = ?,"
                + " LEASED_UNTIL = NULL, " + setLastError(error) + HELD, withError(error, nextAt, entry.id().value(), entry.leaseToken()))));
    }

    @Override
    public void moveToError(QueueEntry entry, String error) throws StoreException {
        transactions.run(em -> requireHeld(entry, execute(em, "UPDATE QUEUE_ENTRY SET PROCESSOR = ?, PARKED = 1, LEASED_UNTIL = NULL, "
                + setLastError(error) + HELD, withError(error, ERROR, entry.id().value(), entry.leaseToken()))));
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
        String where = processor == null ? "" : " WHERE e.processor = :processor";
        return transactions.run(em -> {
            var count = em.createQuery("SELECT COUNT(e) FROM QueueEntryEntity e" + where, Long.class);
            var ids = em.createQuery("SELECT e.id FROM QueueEntryEntity e" + where + " ORDER BY e.id", Long.class);
            if (processor != null) {
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
        transactions.run(em -> {
            int rows = execute(em, "UPDATE QUEUE_ENTRY SET PROCESSOR = ?, PARKED = 0, NEXT_ATTEMPT_AT = ? WHERE ID = ? AND PARKED = 1",
                    ROOT, now, id.value());
            if (rows == 0) {
                // not parked: only bring the next attempt forward; a worker holding it keeps its lease
                rows = execute(em, "UPDATE QUEUE_ENTRY SET NEXT_ATTEMPT_AT = ? WHERE ID = ?", now, id.value());
            }
            if (rows == 0) throw notFound(id);
            return null;
        });
    }

    @Override
    public void delete(QueueEntryId id) throws StoreException {
        transactions.run(em -> {
            int rows = execute(em, "DELETE FROM QUEUE_ENTRY WHERE ID = ?", id.value());
            if (rows == 0) throw notFound(id);
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
            entries.addAll(em.createQuery("SELECT e FROM QueueEntryEntity e WHERE e.id IN :ids", QueueEntryEntity.class)
                    .setParameter("ids", chunk).getResultList());
            for (QueueRecipientEntity r : em.createQuery("SELECT r FROM QueueRecipientEntity r WHERE r.entryId IN :ids"
                    + " ORDER BY r.entryId, r.rcptIndex", QueueRecipientEntity.class).setParameter("ids", chunk).getResultList()) {
                recipients.computeIfAbsent(r.entryId(), k -> new ArrayList<>()).add(toRecipient(r));
            }
            for (QueueAttributeEntity a : em.createQuery("SELECT a FROM QueueAttributeEntity a WHERE a.entryId IN :ids",
                    QueueAttributeEntity.class).setParameter("ids", chunk).getResultList()) {
                attributes.computeIfAbsent(a.entryId(), k -> new HashMap<>()).put(a.name(), a.value());
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

    private static void persistRecipients(EntityManager em, long entryId, Collection<QueuedRecipient> recipients) {
        int index = 0;
        for (QueuedRecipient r : recipients) {
            em.persist(new QueueRecipientEntity(entryId, index++, r.address().toString(), r.state().name(),
                    r.dsnNotify().orElse(null), r.orcpt().orElse(null), r.lastError().map(e -> truncate(e, MAX_ERROR)).orElse(null)));
        }
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
