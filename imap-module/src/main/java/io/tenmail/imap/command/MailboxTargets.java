package io.tenmail.imap.command;

import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mailboxes APPEND, COPY and MOVE name, by (account, name), so that a client appending to its
 * Sent folder again and again does not look the name up in the database each time. A mailbox's id
 * and UIDVALIDITY stay with its name until it is renamed or deleted, and the store publishes an
 * event for both after the commit: every RENAMED or DELETED event forgets the account's entries.
 * A look-up that overlapped such an event is not kept (the generation check), so an entry is never
 * older than the last rename or delete the server saw. Only the target's id and UIDVALIDITY may be
 * used: its counters are those of the first look-up. Without events for every mailbox
 * ({@link MailboxEvents#subscribeAll} refused) nothing is kept. Thread-safe; one per server.
 */
final class MailboxTargets {
    /** Beyond this many entries the cache starts again: names of a few mailboxes per active account. */
    private static final int MAX_ENTRIES = 20_000;

    private record Key(AccountId owner, MailboxName name) {
    }

    private final MailboxStore store;
    private final MailboxEvents events;
    /** Null until the first look-up subscribes (no storage is touched before a login). */
    private volatile Boolean enabled;
    private final Map<Key, MailboxInfo> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    MailboxTargets(MailboxStore store, MailboxEvents events) {
        this.store = store;
        this.events = events;
    }

    private boolean enabled() {
        Boolean on = enabled;
        if (on != null) return on;
        synchronized (this) {
            if (enabled == null) enabled = subscribe();
            return enabled;
        }
    }

    private boolean subscribe() {
        try {
            // lives as long as the server's command handlers; the listener only drops entries
            events.subscribeAll(this::changed);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private void changed(MailboxEvent event) {
        if (event.kind() != MailboxEvent.Kind.RENAMED && event.kind() != MailboxEvent.Kind.DELETED) return;
        generation.incrementAndGet();
        entries.keySet().removeIf(k -> k.owner().equals(event.owner()));
    }

    /** RFC 9051 §6.3.12, §6.4.7: APPEND/COPY/MOVE to a missing mailbox answer TRYCREATE. */
    MailboxInfo target(AccountId owner, MailboxName name, String tag) throws StoreException, CommandException {
        Key key = new Key(owner, name);
        boolean on = enabled();
        MailboxInfo known = on ? entries.get(key) : null;
        if (known != null) return known;
        long before = generation.get();
        MailboxInfo found = Mailboxes.target(store, owner, name, tag);
        if (on) {
            if (entries.size() >= MAX_ENTRIES) entries.clear();
            entries.put(key, found);
            // a rename or delete meanwhile may have dropped the entries before this one went in
            if (generation.get() != before) entries.remove(key, found);
        }
        return found;
    }

    /** Forgets an entry whose mailbox the store no longer found (deleted on another node, say). */
    void forget(AccountId owner, MailboxName name) {
        entries.remove(new Key(owner, name));
    }
}
