package io.tenmail.storage.jpa;

import io.tenmail.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Records the last successful login of an account per protocol: an UPDATE of the existing row,
 * else an INSERT. Two first logins racing both try the INSERT; the unique key (ACCOUNT_ID,
 * PROTOCOL) lets one win, and the loser's time is just as recent, so it is dropped. A failure is
 * logged, never thrown: the login itself has already succeeded.
 */
final class AccountLogins {
    private static final Logger log = LoggerFactory.getLogger(AccountLogins.class);

    private AccountLogins() {
    }

    static void record(Transactions tx, long accountId, String protocol, Instant at, String client) {
        try {
            boolean updated = tx.run(em -> AccountLoginEntity.touch(em, accountId, protocol, at, client));
            if (!updated) {
                tx.run(em -> {
                    em.persist(new AccountLoginEntity(accountId, protocol, at, client));
                    return null;
                });
            }
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.ALREADY_EXISTS) {
                log.debug("concurrent first {} login of account {}: the other one was recorded", protocol, accountId);
            } else {
                log.warn("could not record the {} login of account {}: {}", protocol, accountId, e.getMessage());
            }
        }
    }
}
