package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.ExpungedMessageEntity;
import io.tenmail.storage.jpa.MailboxEntity;
import io.tenmail.storage.jpa.MessageEntity;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9051 §6.3.6 RENAME. A mailbox keeps its id, UIDVALIDITY and messages, and its children move
 * with it; missing parents of the new name are created. INBOX is special: its messages move to a
 * new mailbox of that name and INBOX stays, empty, with the same id and UIDVALIDITY; its children
 * stay where they are.
 */
final class MailboxRename {
    private final EntityManager em;
    private final AccountId owner;
    private final MailboxRows rows;
    private final MailboxNamespace namespace;
    private final Clock clock;

    MailboxRename(EntityManager em, AccountId owner, Clock clock) {
        this.em = em;
        this.owner = owner;
        this.rows = new MailboxRows(em, owner);
        this.namespace = new MailboxNamespace(em, owner, clock);
        this.clock = clock;
    }

    Outcome<Void> rename(MailboxName from, MailboxName to) throws StoreException {
        AccountUsageEntity usage = AccountUsageRows.lock(em, owner);
        if (from.isInbox()) return renameInbox(usage, rows.lockByName(from), to);
        Map<String, MailboxEntity> byName = new HashMap<>();
        for (MailboxEntity m : rows.all()) byName.put(m.getName(), m);
        MailboxEntity source = byName.get(from.path());
        if (source == null) throw MailboxRows.notFound(from);
        if (to.isInbox() || byName.containsKey(to.path())) throw exists(to);
        String prefix = from.path() + MailboxName.DELIMITER;
        if (to.path().startsWith(prefix)) throw new StoreException(Reason.INVALID, "cannot rename a mailbox into itself");

        Map<MailboxEntity, String> renames = new HashMap<>();
        renames.put(source, to.path());
        for (MailboxEntity m : byName.values()) {
            if (!m.getName().startsWith(prefix)) continue;
            String newName = to.path() + m.getName().substring(from.path().length());
            if (byName.containsKey(newName)) throw exists(newName);
            renames.put(m, newName);
        }
        namespace.createParents(usage, to);
        List<MailboxEvent> events = new ArrayList<>();
        for (Map.Entry<MailboxEntity, String> r : renames.entrySet()) {
            r.getKey().setName(r.getValue());
            events.add(new MailboxEvent(new MailboxId(r.getKey().getId()), owner, MailboxEvent.Kind.RENAMED, List.of(),
                    new ModSeq(r.getKey().getHighestModSeq())));
        }
        return new Outcome<>(null, events);
    }

    /** Moves all of INBOX's messages, UIDs and all, to a new mailbox, leaving tombstones in INBOX. */
    private Outcome<Void> renameInbox(AccountUsageEntity usage, MailboxEntity inbox, MailboxName to) throws StoreException {
        if (to.isInbox() || rows.byName(to).isPresent()) throw exists(to);
        namespace.createParents(usage, to);
        MailboxEntity target = rows.create(usage, to, null, false, clock);
        target.setUidNext(inbox.getUidNext());
        target.setHighestModSeq(inbox.getHighestModSeq());
        target.count(inbox.getMessageCount(), inbox.getUnseenCount(), inbox.getDeletedCount(), inbox.getSizeBytes());

        List<Long> uids = new MessageRows(em, inbox.getId()).uids();
        if (uids.isEmpty()) return Outcome.of(null);
        long modSeq = MailboxRows.nextModSeq(inbox);
        em.createNativeQuery(ExpungedMessageEntity.SQL_EXPUNGE_ALL).setParameter(1, modSeq).setParameter(2, inbox.getId()).executeUpdate();
        em.createNativeQuery(MessageEntity.SQL_MOVE_ALL).setParameter(1, target.getId()).setParameter(2, inbox.getId()).executeUpdate();
        inbox.count(-inbox.getMessageCount(), -inbox.getUnseenCount(), -inbox.getDeletedCount(), -inbox.getSizeBytes());
        return Outcome.of(null, new MailboxEvent(new MailboxId(inbox.getId()), owner, MailboxEvent.Kind.EXPUNGED,
                uids.stream().map(Uid::new).toList(), new ModSeq(modSeq)));
    }

    private static StoreException exists(Object name) {
        return new StoreException(Reason.ALREADY_EXISTS, "mailbox exists: " + name);
    }
}
