package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.MailboxEntity;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.SpecialUse;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Creating, deleting and subscribing mailboxes of one account. Every change holds the account's
 * usage row lock, so concurrent creates (and {@link #ensureDefaults}) of one account run one after
 * the other and never race on names.
 */
final class MailboxNamespace {
    /** RFC 6154 mailboxes every account gets; INBOX has no special use. */
    private record Default(String name, SpecialUse use) {
    }

    private static final List<Default> DEFAULTS = List.of(new Default("INBOX", null), new Default("Sent", SpecialUse.SENT),
            new Default("Drafts", SpecialUse.DRAFTS), new Default("Junk", SpecialUse.JUNK),
            new Default("Trash", SpecialUse.TRASH), new Default("Archive", SpecialUse.ARCHIVE));

    private final EntityManager em;
    private final AccountId owner;
    private final MailboxRows rows;
    private final Clock clock;

    MailboxNamespace(EntityManager em, AccountId owner, Clock clock) {
        this.em = em;
        this.owner = owner;
        this.rows = new MailboxRows(em, owner);
        this.clock = clock;
    }

    /**
     * RFC 9051 §6.3.4: creates the mailbox and any missing parents (parents get no special use).
     * ALREADY_EXISTS when the name exists, or when the special use is already another mailbox's
     * (RFC 6154 §5.3 lets a server refuse that).
     */
    MailboxInfo create(MailboxName name, Optional<SpecialUse> use) throws StoreException {
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        if (rows.byName(name).isPresent()) throw new StoreException(Reason.ALREADY_EXISTS, "mailbox exists: " + name);
        if (use.isPresent() && rows.byUse(use.get()).isPresent()) {
            throw new StoreException(Reason.ALREADY_EXISTS, "another mailbox has " + use.get().attribute());
        }
        createParents(usage, name);
        return MailboxRows.info(rows.create(usage, name, use.orElse(null), false, clock));
    }

    /**
     * Creates the default mailboxes that are missing. A default name that exists without a special
     * use gets it, unless another mailbox has it already (say, a user's own "Sent Items").
     */
    void ensureDefaults() {
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        for (Default d : DEFAULTS) {
            MailboxName name = new MailboxName(d.name());
            Optional<MailboxEntity> existing = rows.byName(name);
            boolean useTaken = d.use() != null && rows.byUse(d.use()).isPresent();
            if (existing.isPresent()) {
                if (d.use() != null && !useTaken && existing.get().getSpecialUse() == null) existing.get().setSpecialUse(d.use().name());
            } else if (!useTaken) {
                rows.create(usage, name, d.use(), true, clock);
            }
        }
    }

    /** Deletes the mailbox, its messages and tombstones (by cascade); its children stay (RFC 9051 §6.3.5). */
    Outcome<Void> delete(MailboxName name) throws StoreException {
        if (name.isInbox()) throw new StoreException(Reason.INVALID, "INBOX cannot be deleted");
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        MailboxEntity mailbox = rows.lockByName(name);
        usage.count(-mailbox.getMessageCount(), -mailbox.getSizeBytes());
        MailboxEvent deleted = new MailboxEvent(new MailboxId(mailbox.getId()), owner, MailboxEvent.Kind.DELETED, List.of(),
                MailboxRows.info(mailbox).highestModSeq());
        em.remove(mailbox);
        return Outcome.of(null, deleted);
    }

    void setSubscribed(MailboxName name, boolean subscribed) throws StoreException {
        rows.byName(name).orElseThrow(() -> MailboxRows.notFound(name)).setSubscribed(subscribed);
    }

    /** Creates the missing ancestors of {@code name}, outermost first. */
    void createParents(AccountUsageEntity usage, MailboxName name) {
        Deque<MailboxName> missing = new ArrayDeque<>();
        for (MailboxName p = name.parent(); p != null && rows.byName(p).isEmpty(); p = p.parent()) missing.push(p);
        for (MailboxName p : missing) rows.create(usage, p, null, false, clock);
    }
}
