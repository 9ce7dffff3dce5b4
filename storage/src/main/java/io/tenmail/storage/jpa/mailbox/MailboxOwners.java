package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every mailbox of every account with its owner: what a follower of the whole store (the index) walks at start. */
public final class MailboxOwners {
    private MailboxOwners() {
    }

    public static Map<MailboxId, AccountId> all(Transactions tx) throws StoreException {
        List<Object[]> rows = tx.run(em -> em.createQuery("SELECT m.id, m.ownerId FROM MailboxEntity m", Object[].class).getResultList());
        Map<MailboxId, AccountId> owners = new HashMap<>();
        for (Object[] row : rows) owners.put(new MailboxId(((Number) row[0]).longValue()), new AccountId(((Number) row[1]).longValue()));
        return owners;
    }
}
