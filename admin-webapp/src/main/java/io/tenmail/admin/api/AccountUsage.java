package io.tenmail.admin.api;

import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How many bytes an account's mail takes, when the server has a mailbox store to ask. */
final class AccountUsage {
    private static final Logger log = LoggerFactory.getLogger(AccountUsage.class);
    private final MailboxStore mailboxes;

    /** @param mailboxes may be null: then nothing is known and {@link #usedBytes} is null */
    AccountUsage(MailboxStore mailboxes) {
        this.mailboxes = mailboxes;
    }

    Long usedBytes(Account a) throws StoreException {
        if (mailboxes == null) return null;
        try {
            return mailboxes.quota(a.id()).usedBytes();
        } catch (StoreException e) {
            if (e.reason() != StoreException.Reason.NOT_FOUND) throw e;
            // An account whose mailboxes are not created yet holds nothing.
            log.debug("no mailbox usage for {}: {}", a.address(), e.getMessage());
            return 0L;
        }
    }
}
