package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.jpa.AccountUsageEntity;
import io.tenmail.storage.jpa.ParsedMessageEntity;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.Changes;
import io.tenmail.storage.model.CopyResult;
import io.tenmail.storage.model.DeliveryKey;
import io.tenmail.storage.model.FlagUpdate;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageFlags;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.MessagesTransferred;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.NewMessage;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.QuotaUsage;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@link MailboxStore} on JPA. Each change is one transaction through {@link Transactions} (the
 * first change of an account first creates its usage row in one of its own); events are published
 * after the commit, never inside it. The quota limit comes from the {@link Directory}, kept a few
 * seconds per account ({@link QuotaLimits}). See the
 * package documentation for the locking scheme.
 */
@ApplicationScoped
public class JpaMailboxStore implements MailboxStore {
    private static final Logger log = LoggerFactory.getLogger(JpaMailboxStore.class);

    private final Transactions tx;
    private final MailboxEvents events;
    private final Directory directory;
    private final Clock clock;
    private final Consumer<MessagesTransferred> transferred;
    private final QuotaLimits quotaLimits;
    private final RecentUsage recentUsage;

    /** For CDI's client proxy only. */
    protected JpaMailboxStore() {
        this.tx = null;
        this.events = null;
        this.directory = null;
        this.clock = null;
        this.transferred = null;
        this.quotaLimits = null;
        this.recentUsage = null;
    }

    public JpaMailboxStore(Transactions tx, MailboxEvents events, Directory directory) {
        this(tx, events, directory, t -> { });
    }

    /** @param transferred told after each committed copy or move (the CDI event {@link MessagesTransferred}) */
    @Inject
    public JpaMailboxStore(Transactions tx, MailboxEvents events, Directory directory, Event<MessagesTransferred> transferred) {
        this(tx, events, directory, (Consumer<MessagesTransferred>) transferred::fire);
    }

    public JpaMailboxStore(Transactions tx, MailboxEvents events, Directory directory, Consumer<MessagesTransferred> transferred) {
        this.tx = tx;
        this.events = events;
        this.directory = directory;
        this.clock = Clock.systemUTC();
        this.transferred = Objects.requireNonNull(transferred, "transferred");
        this.quotaLimits = new QuotaLimits(directory, System::nanoTime);
        this.recentUsage = new RecentUsage(System::nanoTime);
    }

    @Override
    public List<MailboxInfo> mailboxes(AccountId owner) throws StoreException {
        return tx.run(em -> new MailboxRows(em, owner).all().stream().map(MailboxRows::info)
                .sorted(Comparator.comparing(m -> m.name().path())).toList());
    }

    @Override
    public Optional<MailboxInfo> mailbox(AccountId owner, MailboxName name) throws StoreException {
        return tx.run(em -> new MailboxRows(em, owner).byName(name).map(MailboxRows::info));
    }

    @Override
    public MailboxInfo mailbox(AccountId owner, MailboxId id) throws StoreException {
        return tx.run(em -> MailboxRows.info(new MailboxRows(em, owner).find(id)));
    }

    @Override
    public Optional<MailboxInfo> mailbox(AccountId owner, SpecialUse use) throws StoreException {
        return tx.run(em -> new MailboxRows(em, owner).byUse(use).map(MailboxRows::info));
    }

    @Override
    public MailboxInfo createMailbox(AccountId owner, MailboxName name, Optional<SpecialUse> use) throws StoreException {
        AccountUsageRows.create(tx, owner);
        return commit(owner, em -> Outcome.of(new MailboxNamespace(em, owner, clock).create(name, use)));
    }

    @Override
    public void ensureDefaultMailboxes(AccountId owner) throws StoreException {
        AccountUsageRows.create(tx, owner);
        commit(owner, em -> {
            new MailboxNamespace(em, owner, clock).ensureDefaults();
            return Outcome.of(null);
        });
    }

    @Override
    public void renameMailbox(AccountId owner, MailboxName from, MailboxName to) throws StoreException {
        commit(owner, em -> new MailboxRename(em, owner, clock).rename(from, to));
    }

    @Override
    public void deleteMailbox(AccountId owner, MailboxName name) throws StoreException {
        commit(owner, em -> new MailboxNamespace(em, owner, clock).delete(name));
    }

    @Override
    public void setSubscribed(AccountId owner, MailboxName name, boolean subscribed) throws StoreException {
        commit(owner, em -> {
            new MailboxNamespace(em, owner, clock).setSubscribed(name, subscribed);
            return Outcome.of(null);
        });
    }

    @Override
    public AppendResult append(AccountId owner, MailboxId mailbox, NewMessage message) throws StoreException {
        return append(owner, mailbox, message, null);
    }

    @Override
    public AppendResult deliver(AccountId owner, MailboxId mailbox, NewMessage message, DeliveryKey key) throws StoreException {
        return append(owner, mailbox, message, Objects.requireNonNull(key, "key"));
    }

    private AppendResult append(AccountId owner, MailboxId mailbox, NewMessage message, DeliveryKey key) throws StoreException {
        NewMessage m = complete(message);
        long quota = quotaBytes(owner);
        try {
            return commit(owner, em -> new MessageAppend(em, owner).append(mailbox, m, quota, key, false),
                    o -> recentUsage.appended(o, m.size()));
        } catch (StoreException e) {
            if (key != null && e.reason() != Reason.TEMPORARY) {
                // a replayed delivery: the key's unique index refused the second message, or the
                // replay failed where the first delivery did not (the quota it now fills, a mailbox
                // deleted since); the earlier message is the answer (NOT_FOUND when another
                // account's message holds the key)
                Optional<AppendResult> earlier = tx.run(em -> new MessageAppend(em, owner).delivered(key));
                if (earlier.isPresent()) return earlier.get();
            }
            // a delivery key a concurrent replay stored first: now it exists, and the append will
            // find it instead of inserting it again. The foreign key to the parse fails when the
            // blob sweep dropped it after this append found it (see JpaBlobReferences): run
            // again, the append stores it anew.
            if (e.reason() != Reason.ALREADY_EXISTS && e.reason() != Reason.IN_USE) throw e;
            log.debug("parsed structure of blob {} or delivery key stored or dropped concurrently, appending again", m.blob());
            return commit(owner, em -> new MessageAppend(em, owner).append(mailbox, m, quota, key, true));
        }
    }

    @Override
    public List<MessageMeta> messages(AccountId owner, MailboxId mailbox, List<UidRange> uids) throws StoreException {
        return tx.run(em -> {
            long id = new MailboxRows(em, owner).find(mailbox).getId();
            return MessageRow.metas(new MessageRows(em, id).inRanges(uids), id);
        });
    }

    @Override
    public List<MessageFlags> flags(AccountId owner, MailboxId mailbox) throws StoreException {
        return tx.run(em -> new MessageRows(em, new MailboxRows(em, owner).find(mailbox).getId()).flags());
    }

    @Override
    public ParsedMessage parsed(AccountId owner, MailboxId mailbox, Uid uid) throws StoreException {
        String json = tx.run(em -> {
            long id = new MailboxRows(em, owner).find(mailbox).getId();
            return em.createNamedQuery(ParsedMessageEntity.JSON_OF_MESSAGE, String.class)
                    .setParameter("mailbox", id).setParameter("uid", uid.value()).getResultStream().findFirst()
                    .orElseThrow(() -> new StoreException(Reason.NOT_FOUND, "no message with UID " + uid.value()));
        });
        return ParsedMessageJson.read(json);
    }

    @Override
    public SortedMap<Uid, ParsedMessage> parsed(AccountId owner, MailboxId mailbox, List<UidRange> uids) throws StoreException {
        List<Object[]> rows = tx.run(em -> {
            long id = new MailboxRows(em, owner).find(mailbox).getId();
            List<Object[]> result = new ArrayList<>();
            for (UidRanges.Span span : UidRanges.spans(uids)) {
                for (Object[] row : em.createNamedQuery(ParsedMessageEntity.JSON_IN_RANGE, Object[].class)
                        .setParameter("mailbox", id).setParameter("first", span.first()).setParameter("last", span.last())
                        .getResultList()) {
                    if (span.contains(((Number) row[0]).longValue())) result.add(row);
                }
            }
            return result;
        });
        // a group mail or copies share one parse: decode each blob's JSON once
        Map<String, ParsedMessage> byBlob = new HashMap<>();
        SortedMap<Uid, ParsedMessage> parsed = new TreeMap<>();
        for (Object[] row : rows) {
            ParsedMessage p = byBlob.computeIfAbsent((String) row[1], blob -> ParsedMessageJson.read((String) row[2]));
            parsed.put(new Uid(((Number) row[0]).longValue()), p);
        }
        return parsed;
    }

    @Override
    public FlagResult storeFlags(AccountId owner, MailboxId mailbox, List<UidRange> uids, FlagUpdate mode, Flags flags,
                                 Optional<ModSeq> unchangedSince) throws StoreException {
        return commit(owner, em -> new FlagStore(em, owner).store(mailbox, uids, mode, flags, unchangedSince));
    }

    @Override
    public CopyResult copy(AccountId owner, MailboxId source, List<UidRange> uids, MailboxId target) throws StoreException {
        long quota = quotaBytes(owner);
        return transferred(owner, source, target, false,
                commit(owner, em -> new MessageTransfer(em, owner).transfer(source, uids, target, false, quota)));
    }

    @Override
    public CopyResult move(AccountId owner, MailboxId source, List<UidRange> uids, MailboxId target) throws StoreException {
        return transferred(owner, source, target, true,
                commit(owner, em -> new MessageTransfer(em, owner).transfer(source, uids, target, true, 0)));
    }

    /** Tells the observers of {@link MessagesTransferred} about a committed copy or move. */
    private CopyResult transferred(AccountId owner, MailboxId source, MailboxId target, boolean moved, CopyResult result) {
        if (result.targetUids().isEmpty()) return result;
        try {
            transferred.accept(new MessagesTransferred(owner, source, target, result.targetUids(), moved));
        } catch (RuntimeException e) {
            // committed already; an observer's failure is not the caller's
            log.warn("observer of a {} from mailbox {} failed", moved ? "move" : "copy", source.value(), e);
        }
        return result;
    }

    @Override
    public List<Uid> expunge(AccountId owner, MailboxId mailbox, Optional<List<UidRange>> uids) throws StoreException {
        return commit(owner, em -> new Expunger(em, owner).expunge(mailbox, uids));
    }

    @Override
    public List<Uid> delete(AccountId owner, MailboxId mailbox, List<Uid> uids) throws StoreException {
        return commit(owner, em -> new Expunger(em, owner).delete(mailbox, uids));
    }

    @Override
    public Changes changesSince(AccountId owner, MailboxId mailbox, ModSeq since) throws StoreException {
        return tx.run(em -> {
            var m = new MailboxRows(em, owner).find(mailbox);
            MessageRows rows = new MessageRows(em, m.getId());
            List<MessageMeta> changed = MessageRow.metas(rows.changedSince(since.value()), m.getId());
            List<Uid> expunged = rows.expungedSince(since.value()).stream().map(Uid::new).toList();
            return new Changes(new ModSeq(m.getHighestModSeq()), changed, expunged);
        });
    }

    @Override
    public QuotaUsage quota(AccountId owner) throws StoreException {
        // read afresh: GETQUOTA and the console show an administrator's change at once
        long limit = limit(owner);
        return withLimit(readUsage(owner), limit);
    }

    @Override
    public QuotaUsage recentQuota(AccountId owner) throws StoreException {
        // the limit afresh (the directory keeps it), the usage as this node last saw it unless it
        // changed here since or is older than RecentUsage.TTL_NANOS: SMTP's advisory check at RCPT
        long limit = limit(owner);
        long since = recentUsage.start();
        Optional<QuotaUsage> known = recentUsage.get(owner);
        if (known.isPresent()) return withLimit(known.get(), limit);
        QuotaUsage read = readUsage(owner);
        recentUsage.put(owner, read, since);
        return withLimit(read, limit);
    }

    private static QuotaUsage withLimit(QuotaUsage usage, long limit) {
        return new QuotaUsage(usage.usedBytes(), limit, usage.messages());
    }

    private long limit(AccountId owner) throws StoreException {
        return directory.findAccount(owner).map(Account::quotaBytes)
                .orElseThrow(() -> new StoreException(Reason.NOT_FOUND, "no such account: " + owner.value()));
    }

    /** The account's usage with limit 0. */
    private QuotaUsage readUsage(AccountId owner) throws StoreException {
        return tx.run(em -> {
            AccountUsageEntity usage = AccountUsageRows.find(em, owner);
            return usage == null ? new QuotaUsage(0, 0, 0) : new QuotaUsage(usage.getUsedBytes(), 0, usage.getMessageCount());
        });
    }

    /**
     * Runs a change and publishes its events after the commit. The first change of an account
     * creates its usage row in a transaction of its own and runs the work again.
     */
    private <T> T commit(AccountId owner, Transactions.Work<Outcome<T>> work) throws StoreException {
        return commit(owner, work, recentUsage::changed);
    }

    /** As {@link #commit(AccountId, Transactions.Work)}; {@code usage} tells the recent usage what changed. */
    private <T> T commit(AccountId owner, Transactions.Work<Outcome<T>> work, Consumer<AccountId> usage) throws StoreException {
        Outcome<T> outcome;
        try {
            outcome = tx.run(work);
        } catch (UsageRowMissing e) {
            AccountUsageRows.create(tx, owner);
            outcome = tx.run(work);
        }
        usage.accept(owner);
        for (MailboxEvent event : outcome.events()) publish(event);
        return outcome.value();
    }

    private void publish(MailboxEvent event) {
        try {
            events.publish(event);
        } catch (RuntimeException e) {
            // the change is committed; a failing listener must not turn it into an error for the caller
            log.warn("publishing {} event for mailbox {} failed", event.kind(), event.mailbox().value(), e);
        }
    }

    /**
     * The account's quota in bytes for an append or copy, 0 for unlimited; NOT_FOUND when the
     * directory does not know it. Kept a few seconds ({@link QuotaLimits}).
     */
    private long quotaBytes(AccountId owner) throws StoreException {
        return quotaLimits.bytes(owner);
    }

    private NewMessage complete(NewMessage m) throws StoreException {
        if (m == null || m.blob() == null || m.parsed() == null || m.size() < 0) {
            throw new StoreException(Reason.INVALID, "message needs a blob, a parsed structure and a size");
        }
        return new NewMessage(m.blob(), m.size(), m.parsed(), Objects.requireNonNullElse(m.flags(), Flags.NONE),
                Objects.requireNonNullElseGet(m.internalDate(), clock::instant));
    }
}
