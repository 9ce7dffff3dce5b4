package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.MailboxEntity;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidValidity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The mailboxes of one account: lookups (a mailbox of another account is NOT_FOUND, exactly like
 * a missing one), row locks, creation, and UID/MODSEQ allocation on a locked row.
 */
final class MailboxRows {
    private final EntityManager em;
    private final AccountId owner;

    MailboxRows(EntityManager em, AccountId owner) {
        this.em = em;
        this.owner = owner;
    }

    MailboxEntity find(MailboxId id) throws StoreException {
        return owned(em.find(MailboxEntity.class, id.value()), id);
    }

    /**
     * Finds and locks the mailbox row until the end of the transaction (SELECT ... FOR UPDATE, which
     * also reads the row afresh). Call it before anything else in the transaction reads that row.
     */
    MailboxEntity lock(MailboxId id) throws StoreException {
        return owned(em.find(MailboxEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE), id);
    }

    /** Locks two mailboxes in ascending id order (the one lock order of this package); one lock when equal. */
    MailboxEntity[] lockBoth(MailboxId a, MailboxId b) throws StoreException {
        if (a.equals(b)) {
            MailboxEntity m = lock(a);
            return new MailboxEntity[]{m, m};
        }
        boolean aFirst = a.value() < b.value();
        MailboxEntity first = lock(aFirst ? a : b);
        MailboxEntity second = lock(aFirst ? b : a);
        return aFirst ? new MailboxEntity[]{first, second} : new MailboxEntity[]{second, first};
    }

    Optional<MailboxEntity> byName(MailboxName name) {
        return em.createNamedQuery(MailboxEntity.BY_NAME, MailboxEntity.class)
                .setParameter("owner", owner.value()).setParameter("name", name.path())
                .getResultStream().findFirst();
    }

    /**
     * Finds the mailbox by name and locks its row. Call it before anything else in the transaction
     * reads that mailbox: a row already loaded would be locked but not re-read.
     */
    MailboxEntity lockByName(MailboxName name) throws StoreException {
        return em.createNamedQuery(MailboxEntity.BY_NAME, MailboxEntity.class)
                .setParameter("owner", owner.value()).setParameter("name", name.path())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> notFound(name.path()));
    }

    Optional<MailboxEntity> byUse(SpecialUse use) {
        return em.createNamedQuery(MailboxEntity.BY_USE, MailboxEntity.class)
                .setParameter("owner", owner.value()).setParameter("use", use.name())
                .getResultStream().findFirst();
    }

    List<MailboxEntity> all() {
        return em.createNamedQuery(MailboxEntity.BY_OWNER, MailboxEntity.class).setParameter("owner", owner.value()).getResultList();
    }

    /**
     * Creates a mailbox with a fresh UIDVALIDITY: the current time in seconds, or one more than the
     * account's last, whichever is greater, so that a name deleted and created again within a
     * second still gets a new one (RFC 9051 §2.3.1.1). The caller holds the usage row lock.
     */
    MailboxEntity create(AccountUsageEntity usage, MailboxName name, SpecialUse use, boolean subscribed, Clock clock) {
        long uidValidity = Math.max(clock.instant().getEpochSecond(), usage.getLastUidValidity() + 1);
        usage.setLastUidValidity(uidValidity);
        MailboxEntity m = new MailboxEntity(owner.value(), name.path(), use == null ? null : use.name(), subscribed, uidValidity);
        em.persist(m);
        em.flush();   // assigns the id
        return m;
    }

    /** Takes {@code count} UIDs from a locked mailbox and returns the first. */
    static long allocateUids(MailboxEntity locked, int count) throws StoreException {
        long first = locked.getUidNext();
        if (first + count - 1 > Uid.MAX) {
            // RFC 9051 §2.3.1.1 would need a new UIDVALIDITY; 4 billion appends to one mailbox do not happen
            throw new StoreException(Reason.INVALID, "mailbox has used up its UIDs");
        }
        locked.setUidNext(first + count);
        return first;
    }

    /** Takes the next MODSEQ of a locked mailbox (RFC 7162 §3.1.1: greater than any before). */
    static long nextModSeq(MailboxEntity locked) {
        long modSeq = locked.getHighestModSeq() + 1;
        locked.setHighestModSeq(modSeq);
        return modSeq;
    }

    static MailboxInfo info(MailboxEntity m) {
        return new MailboxInfo(new MailboxId(m.getId()), new AccountId(m.getOwnerId()), new MailboxName(m.getName()),
                Optional.ofNullable(m.getSpecialUse()).map(SpecialUse::valueOf), m.isSubscribed(),
                new UidValidity(m.getUidValidity()), m.getUidNext(), new ModSeq(m.getHighestModSeq()),
                m.getMessageCount(), m.getUnseenCount(), m.getSizeBytes());
    }

    static StoreException notFound(Object mailbox) {
        return new StoreException(Reason.NOT_FOUND, "no such mailbox: " + mailbox);
    }

    private MailboxEntity owned(MailboxEntity m, MailboxId id) throws StoreException {
        if (m == null || m.getOwnerId() != owner.value()) throw notFound(id.value());
        return m;
    }
}
