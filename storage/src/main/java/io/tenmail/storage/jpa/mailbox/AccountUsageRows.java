package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.AccountId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** The account's usage row: its lock, its creation, and the quota check (RFC 9208 STORAGE). */
final class AccountUsageRows {
    private AccountUsageRows() {
    }

    /** Locks the account's row for this transaction; {@link UsageRowMissing} when it does not exist yet. */
    static AccountUsageEntity lock(EntityManager em, AccountId owner) {
        AccountUsageEntity usage = em.find(AccountUsageEntity.class, owner.value(), LockModeType.PESSIMISTIC_WRITE);
        if (usage == null) throw new UsageRowMissing();
        return usage;
    }

    /** The account's usage without locking, or null. */
    static AccountUsageEntity find(EntityManager em, AccountId owner) {
        return em.find(AccountUsageEntity.class, owner.value());
    }

    /** Creates the row in a transaction of its own, unless a concurrent one did. */
    static void create(Transactions tx, AccountId owner) throws StoreException {
        try {
            tx.run(em -> {
                if (em.find(AccountUsageEntity.class, owner.value()) == null) em.persist(new AccountUsageEntity(owner.value()));
                return null;
            });
        } catch (StoreException e) {
            if (e.reason() != Reason.ALREADY_EXISTS) throw e;   // another transaction created it first: fine
        }
    }

    /** OVER_QUOTA when adding {@code bytes} would take the account past {@code limitBytes} (0 = unlimited). */
    static void checkQuota(AccountUsageEntity usage, long limitBytes, long bytes) throws StoreException {
        if (limitBytes > 0 && bytes > 0 && usage.getUsedBytes() + bytes > limitBytes) {
            throw new StoreException(Reason.OVER_QUOTA, "quota exceeded: " + usage.getUsedBytes() + " + " + bytes
                    + " bytes > " + limitBytes);
        }
    }
}
