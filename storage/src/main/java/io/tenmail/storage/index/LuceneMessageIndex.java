package io.tenmail.storage.index;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.MessageIndex;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.Changes;
import io.tenmail.storage.model.MailboxEvent;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@link MessageIndex} on Apache Lucene, in one directory on local disk (docs/adr/0010-full-text-index.md).
 *
 * <p>One document per message, keyed by mailbox and UID, with its owner; and one state document
 * per mailbox: the MODSEQ up to which the index has followed the mailbox's changes, and the UID up
 * to which every message is indexed. Both are written in the same Lucene commit, so the state
 * after a crash describes exactly the documents that survived it; nothing else is needed as a
 * checkpoint. One worker thread follows the store: a {@link MailboxEvents} event marks its mailbox,
 * and the worker asks {@link MailboxStore#changesSince} for what changed since the state's MODSEQ,
 * indexes new messages, deletes expunged ones and refreshes the near-real-time reader (a durable
 * Lucene commit follows at most every ten seconds, and at close). At {@link #open} and every
 * {@code fullPassEvery} it walks every mailbox the same way, which catches up after a crash, a
 * missed event or an empty index; an index that cannot be opened is deleted and rebuilt.
 *
 * <p>Thread-safe. Searches run on the caller's thread against a near-real-time reader.
 */
public final class LuceneMessageIndex implements MessageIndex, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LuceneMessageIndex.class);
    /** RFC-free choice: 1,000,000 chars of decoded body text per message (docs/adr/0010). */
    public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;
    private static final int PARSE_CHUNK = 200;
    /**
     * A drain waits until no change was heard for this long, so a burst of deliveries is indexed in
     * one go after it; each drain makes a segment, and segments are merged (ADR 0014).
     */
    private static final Duration QUIET = Duration.ofSeconds(1);
    /**
     * ... but under steady traffic not longer than this after the first change it gathers: indexing
     * competes with delivery for the CPU, and SEARCH reads what the index has not reached yet.
     */
    private static final Duration MAX_LAG = Duration.ofSeconds(30);
    /**
     * A drain makes its documents searchable at once (near-real-time reader of the writer); the
     * durable Lucene commit, which fsyncs every new segment file, runs at most this often. A crash
     * loses only uncommitted documents and the state documents that describe them, which the next
     * pass indexes again from the store (ADR 0013).
     */
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(10);

    private static final String KEY = "key";
    private static final String MAILBOX = "mailbox";
    private static final String OWNER = "owner";
    private static final String KIND = "kind";
    private static final String UID = "uid";
    private static final String MODSEQ = "modseq";
    private static final String COMPLETE = "complete";
    private static final String STATE_MAILBOX = "state_mailbox";
    private static final String STATE_OWNER = "state_owner";
    private static final String HEADER = "header";
    private static final FieldType TEXT_TYPE = textType();

    /** The index's position in a mailbox. */
    private record State(AccountId owner, long modSeq, long completeUpTo) {
    }

    private final MailboxStore store;
    private final BlobStore blobs;
    private final MailboxEvents events;
    private final Supplier<Map<MailboxId, AccountId>> allMailboxes;

    private volatile Engine engine;

    /**
     * @param allMailboxes every mailbox of every account with its owner, for the full passes
     */
    public LuceneMessageIndex(MailboxStore store, BlobStore blobs, MailboxEvents events,
                              Supplier<Map<MailboxId, AccountId>> allMailboxes) {
        this.store = store;
        this.blobs = blobs;
        this.events = events;
        this.allMailboxes = allMailboxes;
    }

    /**
     * Opens (or creates, or rebuilds) the index in {@code dir} and starts following the store; until
     * then every search is answered empty. Returns at once: catching up runs in the background.
     */
    public synchronized void open(Path dir, int maxTextChars, Duration fullPassEvery) throws IOException {
        if (engine != null) throw new IllegalStateException("index already open");
        Files.createDirectories(dir);
        Engine e = new Engine(dir, new MessageText(blobs, maxTextChars));
        e.subscription = events.subscribeAll(e::heard);
        e.worker.scheduleWithFixedDelay(e::fullPass, 0, fullPassEvery.toMillis(), TimeUnit.MILLISECONDS);
        e.worker.scheduleWithFixedDelay(e::commitPending, COMMIT_EVERY.toMillis(), COMMIT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        engine = e;
    }

    /** Waits until every change known now is indexed and visible to searches (tests and benchmarks). */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        Engine e = engine;
        if (e == null) return;
        var done = e.worker.submit(() -> {
            e.fullPassNow();
            return null;
        });
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("index did not catch up: " + ex, ex);
        }
    }

    @Override
    public Optional<Hits> search(AccountId owner, MailboxId mailbox, Field field, String text) throws StoreException {
        Engine e = engine;
        if (e == null) return Optional.empty();
        List<String> grams = SearchText.bigrams(SearchText.normalize(text));
        if (grams.isEmpty()) return Optional.empty();   // one character: no pair to look up
        try {
            // no refresh here: each drain refreshes, and a refresh would flush the writer's buffer
            // into a new tiny segment on every SEARCH while mail arrives; completeUpTo comes from
            // the same reader, so an older one is merely less complete
            IndexSearcher searcher = e.searchers.acquire();
            try {
                long complete = completeUpTo(searcher, owner, mailbox);
                if (complete == 0) return Optional.of(new Hits(new long[0], 0));
                BooleanQuery.Builder q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(OWNER, Long.toString(owner.value()))), Occur.FILTER)
                        .add(new TermQuery(new Term(MAILBOX, Long.toString(mailbox.value()))), Occur.FILTER);
                if (field == Field.TEXT) {
                    q.add(new BooleanQuery.Builder().add(phrase(HEADER, grams), Occur.SHOULD)
                            .add(phrase(fieldName(Field.BODY), grams), Occur.SHOULD).build(), Occur.MUST);
                } else {
                    q.add(phrase(fieldName(field), grams), Occur.MUST);
                }
                UidCollector uids = new UidCollector();
                searcher.search(q.build(), uids);
                return Optional.of(new Hits(uids.uids(), complete));
            } finally {
                e.searchers.release(searcher);
            }
        } catch (IOException | RuntimeException ex) {
            throw new StoreException(Reason.TEMPORARY, "full-text index not readable: " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized void close() {
        Engine e = engine;
        engine = null;
        if (e != null) e.close();
    }

    private static long completeUpTo(IndexSearcher searcher, AccountId owner, MailboxId mailbox) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(KEY, stateKey(mailbox))), 1);
        if (top.scoreDocs.length == 0) return 0;
        Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
        if (d.getField(STATE_OWNER).numericValue().longValue() != owner.value()) return 0;
        return d.getField(COMPLETE).numericValue().longValue();
    }

    private static Query phrase(String field, List<String> grams) {
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int i = 0; i < grams.size(); i++) b.add(new Term(field, grams.get(i)), i);
        return b.build();
    }

    private static String fieldName(Field f) {
        return f.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String messageKey(MailboxId mailbox, long uid) {
        return "m:" + mailbox.value() + ":" + uid;
    }

    private static String stateKey(MailboxId mailbox) {
        return "s:" + mailbox.value();
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.setTokenized(true);
        t.setOmitNorms(true);   // no ranking: IMAP wants the set of matches
        t.freeze();
        return t;
    }

    /** The UIDs of the matching documents, from their doc values. */
    private static final class UidCollector extends SimpleCollector {
        private long[] found = new long[64];
        private int count;
        private NumericDocValues values;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = context.reader().getNumericDocValues(UID);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values == null || !values.advanceExact(doc)) return;
            if (count == found.length) found = java.util.Arrays.copyOf(found, count * 2);
            found[count++] = values.longValue();
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        long[] uids() {
            return java.util.Arrays.copyOf(found, count);
        }
    }

    /** An open index and the thread that keeps it up to date. */
    private final class Engine {
        final Directory directory;
        final IndexWriter writer;
        final SearcherManager searchers;
        final MessageText text;
        final ScheduledExecutorService worker;
        final Map<MailboxId, AccountId> dirty = new ConcurrentHashMap<>();
        final AtomicBoolean drainScheduled = new AtomicBoolean();
        volatile long lastHeard;        // System.nanoTime() of the latest change
        volatile long gatheringSince;   // of the first change the scheduled drain will take
        final Map<MailboxId, State> states = new HashMap<>();   // worker thread only
        MailboxEvents.Subscription subscription;

        Engine(Path dir, MessageText text) throws IOException {
            this.text = text;
            Directory d = FSDirectory.open(dir);
            IndexWriter w = null;
            try {
                w = new IndexWriter(d, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
                readStates(w);
            } catch (LockObtainFailedException e) {
                d.close();
                throw e;   // another process has it open: never delete its files
            } catch (IOException | RuntimeException e) {
                // corrupt or from an incompatible version: the store has everything, build it anew
                log.warn("full-text index in {} cannot be opened ({}); rebuilding it from the store", dir, e.toString());
                if (w != null) w.rollback();
                states.clear();
                for (String file : d.listAll()) {
                    if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) d.deleteFile(file);
                }
                w = new IndexWriter(d, config(IndexWriterConfig.OpenMode.CREATE));
                w.commit();
            }
            this.directory = d;
            this.writer = w;
            this.searchers = new SearcherManager(w, null);
            this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "message-index");
                t.setDaemon(true);
                return t;
            });
        }

        private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
            IndexWriterConfig c = new IndexWriterConfig(new BigramAnalyzer());
            c.setOpenMode(mode);
            c.setRAMBufferSizeMB(32);
            c.setCommitOnClose(true);
            return c;
        }

        private void readStates(IndexWriter w) throws IOException {
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TopDocs top = searcher.search(new TermQuery(new Term(KIND, "state")), Math.max(1, reader.maxDoc()));
                StoredFields fields = searcher.storedFields();
                for (var hit : top.scoreDocs) {
                    Document d = fields.document(hit.doc);
                    states.put(new MailboxId(d.getField(STATE_MAILBOX).numericValue().longValue()),
                            new State(new AccountId(d.getField(STATE_OWNER).numericValue().longValue()),
                            d.getField(MODSEQ).numericValue().longValue(), d.getField(COMPLETE).numericValue().longValue()));
                }
            }
        }

        /** Called on the publisher's thread: only note the mailbox and wake the worker. */
        void heard(MailboxEvent event) {
            dirty.put(event.mailbox(), event.owner());
            long now = System.nanoTime();
            lastHeard = now;
            if (drainScheduled.compareAndSet(false, true)) {
                gatheringSince = now;
                scheduleDrain(QUIET.toNanos());
            }
        }

        private void scheduleDrain(long delayNanos) {
            try {
                worker.schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("index closed; change ignored until the next start's full pass");
            }
        }

        void fullPass() {
            try {
                fullPassNow();
            } catch (RuntimeException e) {
                log.error("full-text index pass over all mailboxes failed; retried at the next pass", e);
            }
        }

        void fullPassNow() {
            Map<MailboxId, AccountId> all = allMailboxes.get();
            try {
                for (Iterator<MailboxId> it = states.keySet().iterator(); it.hasNext(); ) {
                    MailboxId gone = it.next();
                    if (all.containsKey(gone)) continue;
                    writer.deleteDocuments(new Term(MAILBOX, Long.toString(gone.value())));
                    it.remove();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dirty.putAll(all);
            drainNow();
        }

        void drain() {
            long now = System.nanoTime();
            long quietFor = now - lastHeard;
            long lag = now - gatheringSince;
            if (quietFor < QUIET.toNanos() && lag < MAX_LAG.toNanos()) {
                scheduleDrain(Math.min(QUIET.toNanos() - quietFor, MAX_LAG.toNanos() - lag));   // still busy: wait for a pause
                return;
            }
            drainScheduled.set(false);
            try {
                drainNow();
            } catch (RuntimeException e) {
                log.error("full-text index update failed; retried at the next change or pass", e);
            }
        }

        private void drainNow() {
            List<Map.Entry<MailboxId, AccountId>> work = new ArrayList<>(dirty.entrySet());
            work.sort(Map.Entry.comparingByKey(Comparator.comparingLong(MailboxId::value)));
            boolean changed = false;
            for (Map.Entry<MailboxId, AccountId> m : work) {
                dirty.remove(m.getKey(), m.getValue());
                try {
                    changed |= sync(m.getKey(), m.getValue());
                } catch (StoreException | IOException e) {
                    dirty.putIfAbsent(m.getKey(), m.getValue());
                    log.warn("indexing mailbox {} failed, will retry: {}", m.getKey().value(), e.toString());
                }
            }
            if (!changed) return;
            try {
                searchers.maybeRefresh();   // searchable now; committed by commitPending
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Brings one mailbox up to date; true when something was written. */
        private boolean sync(MailboxId mailbox, AccountId owner) throws StoreException, IOException {
            State state = states.get(mailbox);
            if (state != null && !state.owner().equals(owner)) state = null;   // ids are never reused; be safe
            long since = state == null ? 0 : state.modSeq();
            long complete = state == null ? 0 : state.completeUpTo();
            Changes changes;
            try {
                changes = store.changesSince(owner, mailbox, new ModSeq(since));
            } catch (StoreException e) {
                if (e.reason() != Reason.NOT_FOUND) throw e;
                writer.deleteDocuments(new Term(MAILBOX, Long.toString(mailbox.value())));
                return states.remove(mailbox) != null;
            }
            if (state != null && changes.highestModSeq().value() == since && changes.changed().isEmpty()
                    && changes.expunged().isEmpty()) {
                return false;
            }
            for (Uid uid : changes.expunged()) writer.deleteDocuments(new Term(KEY, messageKey(mailbox, uid.value())));
            List<MessageMeta> fresh = new ArrayList<>();
            for (MessageMeta m : changes.changed()) if (m.uid().value() > complete) fresh.add(m);
            fresh.sort(Comparator.comparing(MessageMeta::uid));
            for (int i = 0; i < fresh.size(); i += PARSE_CHUNK) {
                List<MessageMeta> chunk = fresh.subList(i, Math.min(fresh.size(), i + PARSE_CHUNK));
                List<UidRange> ranges = chunk.stream().map(m -> UidRange.of(m.uid())).toList();
                Map<Uid, ParsedMessage> parses = store.parsed(owner, mailbox, ranges);
                for (MessageMeta m : chunk) {
                    ParsedMessage p = parses.get(m.uid());
                    if (p != null) index(owner, mailbox, m, p);   // missing: expunged meanwhile
                    complete = Math.max(complete, m.uid().value());
                }
            }
            if (fresh.size() >= 1000) {
                log.info("full-text index: mailbox {} now complete up to UID {} ({} messages indexed, {} expunged)",
                        mailbox.value(), complete, fresh.size(), changes.expunged().size());
            }
            State next = new State(owner, changes.highestModSeq().value(), complete);
            Document d = new Document();
            d.add(new StringField(KEY, stateKey(mailbox), Store.NO));
            d.add(new StringField(KIND, "state", Store.NO));
            d.add(new StringField(MAILBOX, Long.toString(mailbox.value()), Store.NO));   // deleted with the mailbox's messages
            d.add(new StoredField(STATE_MAILBOX, mailbox.value()));
            d.add(new StoredField(STATE_OWNER, owner.value()));
            d.add(new StoredField(MODSEQ, next.modSeq()));
            d.add(new StoredField(COMPLETE, next.completeUpTo()));
            writer.updateDocument(new Term(KEY, stateKey(mailbox)), d);
            states.put(mailbox, next);
            return true;
        }

        private void index(AccountId owner, MailboxId mailbox, MessageMeta m, ParsedMessage p) throws IOException {
            Document d = new Document();
            String key = messageKey(mailbox, m.uid().value());
            d.add(new StringField(KEY, key, Store.NO));
            d.add(new StringField(MAILBOX, Long.toString(mailbox.value()), Store.NO));
            d.add(new StringField(OWNER, Long.toString(owner.value()), Store.NO));
            d.add(new NumericDocValuesField(UID, m.uid().value()));
            addText(d, fieldName(Field.SUBJECT), MessageText.decodeHeader(p.subject()));
            addText(d, fieldName(Field.FROM), MessageText.decodeHeader(p.from()));
            addText(d, fieldName(Field.TO), MessageText.decodeHeader(p.to()));
            addText(d, fieldName(Field.CC), MessageText.decodeHeader(p.cc()));
            addText(d, fieldName(Field.BCC), MessageText.decodeHeader(p.bcc()));
            addText(d, fieldName(Field.MESSAGE_ID), MessageText.decodeHeader(p.messageId()));
            try {
                addText(d, HEADER, text.header(m.blob(), p));
                addText(d, fieldName(Field.BODY), text.body(m.blob(), p));
            } catch (StoreException | IOException e) {
                // the blob is unreadable: index the header fields only; a SEARCH BODY scan would fail the same way
                log.warn("message {} of mailbox {}: body not indexed ({})", m.uid().value(), mailbox.value(), e.toString());
            }
            writer.updateDocument(new Term(KEY, key), d);
        }

        private void addText(Document d, String field, String value) {
            if (value != null && !value.isEmpty()) d.add(new org.apache.lucene.document.Field(field, SearchText.normalize(value), TEXT_TYPE));
        }

        /** The durable commit of what the drains wrote since the last one (worker thread). */
        void commitPending() {
            try {
                if (writer.hasUncommittedChanges()) writer.commit();
            } catch (IOException | RuntimeException e) {
                log.warn("full-text index commit failed; retried in {} s: {}", COMMIT_EVERY.toSeconds(), e.toString());
            }
        }

        void close() {
            if (subscription != null) subscription.close();
            worker.shutdown();
            try {
                if (!worker.awaitTermination(30, TimeUnit.SECONDS)) worker.shutdownNow();
            } catch (InterruptedException e) {
                worker.shutdownNow();
                Thread.currentThread().interrupt();
            }
            try {
                searchers.close();
                writer.close();   // commits what the worker wrote
                directory.close();
            } catch (IOException e) {
                log.warn("closing the full-text index failed: {}", e.toString());
            }
        }
    }
}
