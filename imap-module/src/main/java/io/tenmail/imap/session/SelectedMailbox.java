package io.tenmail.imap.session;

import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.Changes;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MessageFlags;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mailbox a session has selected: the session's view of it, which lags the store on purpose.
 * It owns the message-sequence-number-to-UID map (RFC 9051 §2.3.1.2) and turns the store's
 * changes into the untagged responses the session owes the client: {@code EXISTS} for new
 * messages, {@code FETCH (FLAGS …)} for flag changes by others, and {@code EXPUNGE} (or
 * {@code VANISHED} with QRESYNC) for removals, but the latter only when the current command allows
 * it (RFC 9051 §7.5.1: not during FETCH, STORE or SEARCH by sequence number, so that numbers the
 * client holds stay valid). Until then an expunged message keeps its number.
 *
 * <p>Change events ({@link MailboxEvents}) only mark the view stale; {@link #sync} then asks the
 * store what changed since the last MODSEQ it saw ({@link MailboxStore#changesSince}), so a missed
 * or coalesced event loses nothing. The event listener runs on the store's thread and only records
 * the highest MODSEQ announced and schedules a wake-up; everything else runs on the session's
 * ordered executor.
 *
 * <p>The view also keeps each message's flags and MODSEQ as of the last sync (docs/adr/0014), so
 * that while it is not {@linkplain #isStale() stale} FETCH (FLAGS UID MODSEQ), STORE's report and
 * SEARCH on flags need no database read. This session's own flag changes are applied to it as they
 * are made ({@link #noteOwnFlagChanges}); when such a change took the MODSEQ right after the
 * view's, nothing else can have happened in between, and the view stays current without asking
 * the store again. It keeps each message's size, internal date and blob too, which never change, so
 * that FETCH of envelopes, bodies, sizes and dates needs no metadata read ({@link #metaAt}). A view
 * listed at SELECT or taken from the {@link ViewCache} shares its arrays with the cache, and so with
 * other sessions that select the mailbox, until it changes something (copy on write).
 */
public final class SelectedMailbox implements AutoCloseable {
    /** A SHA-256 blob id in the view: 32 bytes instead of a 64-character string. */
    private static final int BLOB_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    private final MailboxId id;
    private final AccountId owner;
    private final MailboxInfo info;
    private final boolean readOnly;
    private long[] uids;
    /** Per message, parallel to {@link #uids}: MODSEQ and flags as of the last sync. */
    private long[] modSeqs;
    private Flags[] flags;
    /**
     * Per message, what never changes once it is stored (docs/adr/0014): size (-1: not known),
     * internal date in epoch milliseconds, and the blob's SHA-256 as 32 bytes at {@code 32 * i}.
     */
    private long[] sizes;
    private long[] dates;
    private byte[] blobs;
    /**
     * True while the arrays are a cached snapshot's, shared with other sessions that selected the
     * same mailbox: copied before the first change ({@link #own}).
     */
    private boolean shared;
    /** Few distinct flag sets repeat across a mailbox: one instance each, for memory. */
    private final Map<Flags, Flags> flagSets = new HashMap<>();
    private int size;
    private ModSeq knownModSeq;
    /** The highest MODSEQ a change event announced (written on the store's thread). */
    private final AtomicLong announcedModSeq = new AtomicLong();
    /** Set when the store must be asked whatever the MODSEQs say (after subscribing; odd events). */
    private volatile boolean mustAsk;
    /** The last EXPUNGED event, to recognise this session's own expunge ({@link #noteOwnExpunge}). */
    private volatile MailboxEvent lastExpunge;
    private MailboxEvents.Subscription subscription;
    /** Set when the view took this session's own append and the client has not been sent EXISTS yet. */
    private boolean existsOwed;
    /** UIDs the store expunged that this session has not announced yet. */
    private final TreeSet<Long> pendingExpunges = new TreeSet<>();
    /** MODSEQs of flag changes this session made and already reported in its STORE responses. */
    private final Set<Long> ownModSeqs = new HashSet<>();
    /**
     * While expunges are held back: the view's MODSEQ from before the sync that found them, which
     * is lower than theirs (RFC 7162 §3.2, see {@link #heldBackModSeq()}); null otherwise.
     */
    private ModSeq beforeHeldBack;
    /** RFC 5182: the UIDs saved by the last SEARCH RETURN (SAVE). */
    private long[] savedSearch = new long[0];
    /** Where this view goes when the mailbox is deselected; null: nowhere. */
    private ViewCache cache;

    /**
     * The view of a mailbox being selected: the cached view brought up to date when there is one,
     * otherwise every message listed ({@link MailboxStore#flags}).
     *
     * @param info the mailbox as just read
     */
    public static SelectedMailbox select(MailboxStore store, ViewCache cache, MailboxInfo info, boolean readOnly) throws StoreException {
        ViewCache.Snapshot snapshot = cache.get(info.id());
        SelectedMailbox view;
        if (snapshot != null && snapshot.uidValidity() == info.uidValidity().value()) {
            view = new SelectedMailbox(info, snapshot, readOnly);
            try {
                // the mailbox as just read has the snapshot's MODSEQ: nothing happened since (later changes
                // are caught by the first sync after subscribing)
                if (info.highestModSeq().value() > snapshot.modSeq()) view.catchUp(store);
            } catch (StoreException | RuntimeException e) {
                cache.remove(info.id());
                throw e;
            }
        } else {
            view = new SelectedMailbox(info, store.flags(info.owner(), info.id()), readOnly);
            view.share(cache);
        }
        view.cache = cache;
        return view;
    }

    private SelectedMailbox(MailboxInfo info, ViewCache.Snapshot snapshot, boolean readOnly) {
        this.id = info.id();
        this.owner = info.owner();
        this.info = info;
        this.readOnly = readOnly;
        // shared until changed: 10,000 sessions idling in one mailbox hold one copy of its view
        this.uids = snapshot.uids();
        this.modSeqs = snapshot.modSeqs();
        this.flags = snapshot.flags();
        this.sizes = snapshot.sizes();
        this.dates = snapshot.dates();
        this.blobs = snapshot.blobs();
        this.shared = true;
        this.size = snapshot.uids().length;
        this.knownModSeq = new ModSeq(snapshot.modSeq());
    }

    /**
     * Puts a freshly listed view in the cache at once, sharing its arrays (exactly {@code size}
     * long), so that sessions selecting the mailbox meanwhile share it instead of listing it again.
     */
    private void share(ViewCache viewCache) {
        if (uids.length != size) resize(size);
        shared = true;
        viewCache.put(id, new ViewCache.Snapshot(info.uidValidity().value(), knownModSeq.value(), uids, modSeqs, flags,
                sizes, dates, blobs));
    }

    /** Copies a shared snapshot's arrays before this view changes them, with room to grow. */
    private void own() {
        if (!shared) return;
        resize(Math.max(16, size + 16));
        shared = false;
    }

    /** Copies the parallel arrays to {@code capacity} messages. */
    private void resize(int capacity) {
        uids = Arrays.copyOf(uids, capacity);
        modSeqs = Arrays.copyOf(modSeqs, capacity);
        flags = Arrays.copyOf(flags, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
        dates = Arrays.copyOf(dates, capacity);
        blobs = Arrays.copyOf(blobs, capacity * BLOB_BYTES);
    }

    /** Applies what changed since the snapshot, before the client has seen any of it: no responses. */
    private void catchUp(MailboxStore store) throws StoreException {
        Changes changes = store.changesSince(owner, id, knownModSeq);
        for (Uid uid : changes.expunged()) {
            int seq = seqOf(uid.value());
            if (seq > 0) remove(seq);
        }
        Set<Long> expunged = new HashSet<>();
        for (Uid uid : changes.expunged()) expunged.add(uid.value());
        List<MessageMeta> changed = new ArrayList<>(changes.changed());
        changed.sort(Comparator.comparing(MessageMeta::uid));
        for (MessageMeta m : changed) {
            long uid = m.uid().value();
            if (expunged.contains(uid)) continue;
            if (uid > highestUid()) add(m);
            else setFlags(m);
        }
        if (changes.highestModSeq().compareTo(knownModSeq) > 0) knownModSeq = changes.highestModSeq();
    }

    /**
     * @param info     the mailbox as read at SELECT
     * @param messages its messages in UID order, read after {@code info}
     */
    public SelectedMailbox(MailboxInfo info, List<MessageFlags> messages, boolean readOnly) {
        this.id = info.id();
        this.owner = info.owner();
        this.info = info;
        this.readOnly = readOnly;
        int capacity = messages.size();   // exactly: shared with the cache until changed (share)
        this.uids = new long[capacity];
        this.modSeqs = new long[capacity];
        this.flags = new Flags[capacity];
        this.sizes = new long[capacity];
        this.dates = new long[capacity];
        this.blobs = new byte[capacity * BLOB_BYTES];
        long highest = info.highestModSeq().value();
        for (MessageFlags m : messages) {
            add(m.uid(), m.modSeq(), m.flags(), m.hasFacts() ? m.size() : -1, m.internalDateMillis(), m.blob());
            highest = Math.max(highest, m.modSeq());
        }
        this.knownModSeq = new ModSeq(highest);
    }

    /** Listens for changes; {@code wake} runs (on the store's thread) after each one. */
    public void listen(MailboxEvents events, Runnable wake) {
        subscription = events.subscribe(id, event -> {
            if (event.highestModSeq() == null || event.kind() == MailboxEvent.Kind.DELETED || event.kind() == MailboxEvent.Kind.RENAMED) {
                mustAsk = true;
            } else {
                if (event.kind() == MailboxEvent.Kind.EXPUNGED) lastExpunge = event;
                announcedModSeq.accumulateAndGet(event.highestModSeq().value(), Math::max);
            }
            wake.run();
        });
        // a change between reading the messages and subscribing raised no event for us: look once
        mustAsk = true;
    }

    public MailboxId id() {
        return id;
    }

    /** The mailbox as it was at SELECT (name, UIDVALIDITY). */
    public MailboxInfo info() {
        return info;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Messages in this session's view, those expunged but not yet announced included. */
    public int size() {
        return size;
    }

    /** The UID of message {@code seq} (1-based). */
    public long uidAt(int seq) {
        return uids[seq - 1];
    }

    /** The sequence number of {@code uid}, or 0 if it is not in the view. */
    public int seqOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i < 0 ? 0 : i + 1;
    }

    /** The highest UID in the view, 0 if empty. */
    public long highestUid() {
        return size == 0 ? 0 : uids[size - 1];
    }

    public ModSeq knownModSeq() {
        return knownModSeq;
    }

    /** Whether a change event announced something the view has not seen; {@link #sync} then asks the store. */
    public boolean isStale() {
        return mustAsk || announcedModSeq.get() > knownModSeq.value();
    }

    /** The next {@link #sync} asks the store, event or not (e.g. to learn the MODSEQ of an own change). */
    public void markStale() {
        mustAsk = true;
    }

    /** The flags of message {@code seq} (1-based) as of the last sync or own change. */
    public Flags flagsAt(int seq) {
        return flags[seq - 1];
    }

    /** The MODSEQ of message {@code seq} (1-based) as of the last sync or own change. */
    public long modSeqAt(int seq) {
        return modSeqs[seq - 1];
    }

    /**
     * Message {@code seq} (1-based) as of the last sync or own change, with its size, internal date
     * and blob, or null when the view does not know them (then the store must be asked).
     */
    public MessageMeta metaAt(int seq) {
        int i = seq - 1;
        if (sizes[i] < 0) return null;
        return new MessageMeta(id, new Uid(uids[i]), new ModSeq(modSeqs[i]), flags[i], Instant.ofEpochMilli(dates[i]),
                sizes[i], new BlobId(HEX.formatHex(blobs, i * BLOB_BYTES, (i + 1) * BLOB_BYTES)));
    }

    /**
     * RFC 7162 §3.2: while expunges are held back (a FETCH, STORE or SEARCH by number is running),
     * the MODSEQ values in FETCH responses may be higher than theirs; a QRESYNC client must then be
     * given a HIGHESTMODSEQ below the held-back expunges, or a later resync from the FETCH MODSEQ
     * would miss them. Empty when nothing is held back.
     */
    public Optional<ModSeq> heldBackModSeq() {
        return pendingExpunges.isEmpty() ? Optional.empty() : Optional.ofNullable(beforeHeldBack);
    }

    /** True if the store has expunged this message and the client has not been told yet. */
    public boolean isExpungePending(long uid) {
        return pendingExpunges.contains(uid);
    }

    /** One message of a resolved set: its number and UID. */
    public record Message(int seq, long uid) {
    }

    /**
     * The messages a sequence set names, in ascending order. By UID, numbers that name no message
     * are ignored (RFC 9051 §6.4.8) and {@code *} is the highest UID; by sequence number, a number
     * beyond the view is a client error. {@code $} is the saved search result.
     *
     * @throws IllegalArgumentException for a sequence number out of range, with text for a BAD
     */
    public List<Message> resolve(SequenceSet set, boolean byUid) {
        List<Message> out = new ArrayList<>();
        if (set.isSaved()) {
            for (long uid : savedSearch) {
                int seq = seqOf(uid);
                if (seq > 0) out.add(new Message(seq, uid));
            }
            return out;
        }
        if (size == 0) {
            if (!byUid && !set.ranges().isEmpty()) throw new IllegalArgumentException("Invalid message sequence number: the mailbox is empty");
            return out;
        }
        if (byUid) {
            for (SequenceSet.Range r : set.resolve(highestUid())) {
                int from = lowerBound(r.low());
                for (int i = from; i < size && uids[i] <= r.high(); i++) out.add(new Message(i + 1, uids[i]));
            }
        } else {
            if (set.maxNumber() > size) throw new IllegalArgumentException("Invalid message sequence number: " + set.maxNumber());
            for (SequenceSet.Range r : set.resolve(size)) {
                for (long s = r.low(); s <= r.high(); s++) out.add(new Message((int) s, uids[(int) s - 1]));
            }
        }
        return out;
    }

    private int lowerBound(long uid) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (uids[mid] < uid) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** UID ranges covering these messages, merged, for the store. */
    public static List<UidRange> uidRanges(List<Message> messages) {
        List<UidRange> ranges = new ArrayList<>();
        long start = -1;
        long end = -1;
        for (Message m : messages) {
            if (start < 0) {
                start = end = m.uid();
            } else if (m.uid() == end + 1) {
                end = m.uid();
            } else {
                ranges.add(new UidRange(start, end));
                start = end = m.uid();
            }
        }
        if (start > 0) ranges.add(new UidRange(start, end));
        return ranges;
    }

    /** RFC 5182: keeps a SEARCH result for {@code $}. */
    public void saveSearch(long[] resultUids) {
        savedSearch = resultUids.clone();
        Arrays.sort(savedSearch);
    }

    /** True if {@code uid} is in the saved search result. */
    public boolean inSavedSearch(long uid) {
        return Arrays.binarySearch(savedSearch, uid) >= 0;
    }

    /**
     * Flag changes this session made (STORE, FETCH setting \Seen) and reports itself: applied to
     * the view, and remembered so that {@link #sync} does not repeat them. A store change takes one
     * new MODSEQ for all its messages; when that is the one after the view's, the view is complete
     * up to it without asking the store.
     */
    public void noteOwnFlagChanges(List<MessageMeta> updated) {
        long changeModSeq = -1;
        for (MessageMeta m : updated) {
            ownModSeqs.add(m.modSeq().value());
            setFlags(m);
            changeModSeq = changeModSeq == -1 || changeModSeq == m.modSeq().value() ? m.modSeq().value() : -2;
        }
        if (changeModSeq > 0 && changeModSeq == knownModSeq.value() + 1) knownModSeq = new ModSeq(changeModSeq);
    }

    /**
     * This session appended message {@code m} to this mailbox and committed it. When it took the
     * MODSEQ right after the view's and a UID above every UID in the view, nothing else happened in
     * between: the view takes it with its facts and stays current without asking the store, and
     * the next {@link #sync} announces it with EXISTS. Otherwise the change event makes the view
     * stale and the store is asked as for anyone else's append.
     */
    public void noteOwnAppend(MessageMeta m) {
        if (!m.mailbox().equals(id) || m.modSeq().value() != knownModSeq.value() + 1 || m.uid().value() <= highestUid()) return;
        add(m);
        ownModSeqs.add(m.modSeq().value());
        knownModSeq = m.modSeq();
        existsOwed = true;
    }

    /**
     * This session expunged {@code gone} and has removed them from the view ({@link #removeExpunged}).
     * An expunge takes one new MODSEQ; when the store announced exactly these UIDs at the MODSEQ
     * after the view's, that was this expunge and nothing else happened in between: the view is
     * complete up to it without asking the store.
     */
    public void noteOwnExpunge(List<Uid> gone) {
        MailboxEvent event = lastExpunge;
        if (gone.isEmpty() || event == null || event.highestModSeq().value() != knownModSeq.value() + 1) return;
        if (event.uids().size() == gone.size() && new HashSet<>(event.uids()).equals(new HashSet<>(gone))) {
            knownModSeq = event.highestModSeq();
        }
    }

    private void setFlags(MessageMeta m) {
        int seq = seqOf(m.uid().value());
        if (seq == 0) return;
        own();
        flags[seq - 1] = intern(m.flags());
        modSeqs[seq - 1] = m.modSeq().value();
    }

    private Flags intern(Flags f) {
        Flags known = flagSets.get(f);
        if (known != null) return known;
        if (flagSets.size() < 1024) flagSets.put(f, f);
        return f;
    }

    /** This session expunged these messages and tells the client itself; removes them from the view. */
    public void removeExpunged(long uid) {
        int seq = seqOf(uid);
        if (seq > 0) remove(seq);
        pendingExpunges.remove(uid);
    }

    private void remove(int seq) {
        own();
        System.arraycopy(uids, seq, uids, seq - 1, size - seq);
        System.arraycopy(modSeqs, seq, modSeqs, seq - 1, size - seq);
        System.arraycopy(flags, seq, flags, seq - 1, size - seq);
        System.arraycopy(sizes, seq, sizes, seq - 1, size - seq);
        System.arraycopy(dates, seq, dates, seq - 1, size - seq);
        System.arraycopy(blobs, seq * BLOB_BYTES, blobs, (seq - 1) * BLOB_BYTES, (size - seq) * BLOB_BYTES);
        size--;
        flags[size] = null;
    }

    private void add(MessageMeta m) {
        add(m.uid().value(), m.modSeq().value(), m.flags(), m.blob() == null ? -1 : m.size(),
                m.internalDate() == null ? 0 : m.internalDate().toEpochMilli(), m.blob());
    }

    private void add(long uid, long modSeq, Flags messageFlags, long messageSize, long internalDate, BlobId blob) {
        own();
        if (size == uids.length) resize(Math.max(16, uids.length * 2));
        uids[size] = uid;
        modSeqs[size] = modSeq;
        flags[size] = intern(messageFlags);
        boolean known = blob != null && messageSize >= 0;
        sizes[size] = known ? messageSize : -1;
        dates[size] = internalDate;
        if (known) {
            String hex = blob.hex();
            int at = size * BLOB_BYTES;
            for (int i = 0; i < BLOB_BYTES; i++) {
                blobs[at + i] = (byte) ((HexFormat.fromHexDigit(hex.charAt(2 * i)) << 4) | HexFormat.fromHexDigit(hex.charAt(2 * i + 1)));
            }
        }
        size++;
    }

    /** What {@link #sync} should write. */
    public record SyncOptions(boolean expungeAllowed, boolean condstore, boolean qresync) {
    }

    /**
     * Brings the view up to date with the store and writes the untagged responses for what
     * changed. Call before a command's tagged response, and at once during IDLE.
     */
    public void sync(MailboxStore store, ResponseWriter w, SyncOptions options) throws StoreException, IOException {
        List<MessageMeta> flagChanges = List.of();
        if (isStale()) {
            mustAsk = false;
            Changes changes = store.changesSince(owner, id, knownModSeq);
            Set<Long> expunged = new HashSet<>();
            for (Uid uid : changes.expunged()) {
                expunged.add(uid.value());
                if (seqOf(uid.value()) > 0) {
                    if (pendingExpunges.isEmpty()) beforeHeldBack = knownModSeq;
                    pendingExpunges.add(uid.value());
                }
            }
            List<MessageMeta> changed = new ArrayList<>(changes.changed());
            changed.sort(Comparator.comparing(MessageMeta::uid));
            List<MessageMeta> added = new ArrayList<>();
            flagChanges = new ArrayList<>();
            long highest = highestUid();
            for (MessageMeta m : changed) {
                long uid = m.uid().value();
                if (expunged.contains(uid)) continue;
                if (uid > highest) {
                    added.add(m);
                } else if (seqOf(uid) > 0) {
                    setFlags(m);
                    if (!pendingExpunges.contains(uid) && !ownModSeqs.contains(m.modSeq().value())) flagChanges.add(m);
                }
            }
            ownModSeqs.clear();
            if (changes.highestModSeq().compareTo(knownModSeq) > 0) knownModSeq = changes.highestModSeq();
            if (options.expungeAllowed()) writeExpunges(w, options.qresync());
            if (!added.isEmpty() || existsOwed) {
                for (MessageMeta m : added) add(m);
                existsOwed = false;
                w.untagged().number(size).atom("EXISTS").end();
            }
            for (MessageMeta m : flagChanges) {
                w.untagged().number(seqOf(m.uid().value())).atom("FETCH").openList()
                        .atom("UID").number(m.uid().value()).atom("FLAGS").flags(m.flags());
                if (options.condstore()) w.atom("MODSEQ").openList().number(m.modSeq().value()).closeList();
                w.closeList().end();
            }
        } else {
            if (options.expungeAllowed()) writeExpunges(w, options.qresync());
            if (existsOwed) {
                existsOwed = false;
                w.untagged().number(size).atom("EXISTS").end();
            }
        }
    }

    private void writeExpunges(ResponseWriter w, boolean qresync) throws IOException {
        if (pendingExpunges.isEmpty()) return;
        if (qresync) {
            long[] gone = pendingExpunges.stream().mapToLong(Long::longValue).toArray();
            for (long uid : gone) remove(seqOf(uid));
            w.untagged().atom("VANISHED").atom(SequenceSet.ofAscending(gone).toString()).end();
        } else {
            for (long uid : pendingExpunges) {
                int seq = seqOf(uid);
                remove(seq);
                w.untagged().number(seq).atom("EXPUNGE").end();
            }
        }
        pendingExpunges.clear();
    }

    @Override
    public void close() {
        if (subscription != null) subscription.close();
        subscription = null;
        // only a view in step with the store at knownModSeq can be brought up to date from it later
        if (cache != null && pendingExpunges.isEmpty() && !mustAsk && shared) {
            // nothing changed in the snapshot's arrays (they are exactly size long): keep them, at the MODSEQ reached
            cache.put(id, new ViewCache.Snapshot(info.uidValidity().value(), knownModSeq.value(), uids, modSeqs, flags,
                    sizes, dates, blobs));
        } else if (cache != null && pendingExpunges.isEmpty() && !mustAsk) {
            cache.put(id, new ViewCache.Snapshot(info.uidValidity().value(), knownModSeq.value(),
                    Arrays.copyOf(uids, size), Arrays.copyOf(modSeqs, size), Arrays.copyOf(flags, size),
                    Arrays.copyOf(sizes, size), Arrays.copyOf(dates, size), Arrays.copyOf(blobs, size * BLOB_BYTES)));
        }
        cache = null;
    }
}
