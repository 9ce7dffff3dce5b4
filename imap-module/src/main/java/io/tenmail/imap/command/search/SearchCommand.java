package io.tenmail.imap.command.search;

import io.tenmail.imap.command.BaseCommand;
import io.tenmail.imap.command.ImapBackend;
import io.tenmail.imap.command.ImapCommand;
import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.session.SelectedMailbox;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SearchKey;
import io.tenmail.imap.wire.request.SearchRequest;
import io.tenmail.imap.wire.request.SearchReturnOption;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.MessageIndex;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.ModSeq;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SEARCH and UID SEARCH: RFC 9051 §6.4.4 with ESEARCH (RFC 4731: RETURN MIN/MAX/ALL/COUNT),
 * SEARCHRES (RFC 5182: SAVE and {@code $}) and the MODSEQ key (RFC 7162 §3.1.5). With IMAP4rev2
 * enabled the answer is always ESEARCH (RFC 9051 §7.3.4).
 */
public final class SearchCommand extends BaseCommand<SearchRequest> {
    private final ImapBackend backend;

    public SearchCommand(ImapBackend backend) {
        super(ImapCommand.SEARCH, SearchRequest.class);
        this.backend = backend;
    }

    @Override
    public StatusResponse handle(ImapSession session, SearchRequest request) throws StoreException, IOException {
        SelectedMailbox selected = session.selected();
        boolean modSeqKey = usesModSeq(request.key());
        if (modSeqKey) session.useCondstore();
        List<long[]> hits = new ArrayList<>();   // {seq, uid}
        long highestModSeq = 0;
        for (SearchEvaluator.Candidate c : matching(backend, session, request.key(), true)) {
            hits.add(new long[] {c.seq, c.meta.uid().value()});
            highestModSeq = Math.max(highestModSeq, c.meta.modSeq().value());
        }
        int index = request.uid() ? 1 : 0;
        Set<SearchReturnOption> options = request.returnOptions();
        boolean esearch = request.extended() || session.isEnabled(ImapSession.Extension.IMAP4REV2);
        if (options.contains(SearchReturnOption.SAVE)) save(selected, hits, options);
        ResponseWriter w = session.writer();
        if (!esearch) {
            w.untagged().atom("SEARCH");
            for (long[] h : hits) w.number(h[index]);
            if (modSeqKey && !hits.isEmpty()) w.openList().atom("MODSEQ").number(highestModSeq).closeList();
            w.end();
        } else if (!(options.size() == 1 && options.contains(SearchReturnOption.SAVE))) {
            // RFC 5182 §2.1: RETURN (SAVE) alone suppresses the ESEARCH response
            Set<SearchReturnOption> wanted = options.isEmpty() || options.equals(Set.of(SearchReturnOption.SAVE))
                    ? Set.of(SearchReturnOption.ALL) : options;
            w.untagged().atom("ESEARCH").openList().atom("TAG").string(request.tag()).closeList();
            if (request.uid()) w.atom("UID");
            if (!hits.isEmpty()) {
                if (wanted.contains(SearchReturnOption.MIN)) w.atom("MIN").number(hits.get(0)[index]);
                if (wanted.contains(SearchReturnOption.MAX)) w.atom("MAX").number(hits.get(hits.size() - 1)[index]);
                if (wanted.contains(SearchReturnOption.ALL)) {
                    long[] numbers = hits.stream().mapToLong(h -> h[index]).toArray();
                    w.atom("ALL").atom(SequenceSet.ofAscending(numbers).toString());
                }
            }
            if (wanted.contains(SearchReturnOption.COUNT)) w.atom("COUNT").number(hits.size());
            if (modSeqKey && !hits.isEmpty()) w.atom("MODSEQ").number(highestModSeq);
            w.end();
        }
        return StatusResponse.ok(request.tag(), request.name() + " completed");
    }

    /**
     * The messages of the session's view that match {@code key}, in mailbox order; messages expunged
     * meanwhile cannot match (RFC 9051 §7.5.1). Text keys ask the full-text index first; messages
     * are evaluated in chunks whose parses are read with one statement when the key needs them,
     * and what was loaded is released after each chunk.
     *
     * <p>With {@code viewMeta}, when the view is current and the key needs nothing of a message
     * but its UID, flags, MODSEQ, parse and the index's answers ({@link #viewSuffices}), the
     * candidates are made from the view and the mailbox's metadata is not listed: their
     * {@link MessageMeta} then has no internal date, size or blob, so only a caller that reads
     * nothing else (SEARCH, not SORT or THREAD) may ask for that.
     */
    static List<SearchEvaluator.Candidate> matching(ImapBackend backend, ImapSession session, SearchKey key, boolean viewMeta)
            throws StoreException {
        SelectedMailbox selected = session.selected();
        Map<SearchKey, MessageIndex.Hits> answers = new IdentityHashMap<>();
        askIndex(backend.index(), session, key, answers);
        boolean fromView = viewMeta && !selected.isStale() && viewSuffices(key, answers, selected.highestUid());
        Map<Long, MessageMeta> byUid = new HashMap<>();
        if (!fromView) {
            for (MessageMeta m : backend.store().messages(session.owner(), selected.id(), List.of(UidRange.ALL))) {
                byUid.put(m.uid().value(), m);
            }
        }
        SearchEvaluator evaluator = new SearchEvaluator(backend.store(), backend.blobs(), backend.parses(), session.owner(), selected,
                backend.clock(), answers);
        boolean parses = usesParse(key);
        List<SearchEvaluator.Candidate> hits = new ArrayList<>();
        List<SearchEvaluator.Candidate> chunk = new ArrayList<>(SearchEvaluator.PARSE_CHUNK);
        try {
            for (int seq = 1; seq <= selected.size(); seq++) {
                long uid = selected.uidAt(seq);
                MessageMeta meta;
                if (fromView) {
                    if (selected.isExpungePending(uid)) continue;
                    meta = parses ? selected.metaAt(seq) : null;   // its blob finds a cached parse
                    if (meta == null) meta = new MessageMeta(selected.id(), new Uid(uid), new ModSeq(selected.modSeqAt(seq)), selected.flagsAt(seq), null, -1, null);
                } else {
                    meta = byUid.get(uid);
                    if (meta == null) continue;
                }
                chunk.add(evaluator.new Candidate(seq, meta));
                if (chunk.size() == SearchEvaluator.PARSE_CHUNK) evaluate(evaluator, key, chunk, hits);
            }
            evaluate(evaluator, key, chunk, hits);
        } catch (SearchEvaluator.SearchFailure e) {
            throw e.cause;
        }
        return hits;
    }

    private static void evaluate(SearchEvaluator evaluator, SearchKey key, List<SearchEvaluator.Candidate> chunk,
                                 List<SearchEvaluator.Candidate> hits) throws StoreException {
        if (chunk.isEmpty()) return;
        // only the messages the index does not answer for: usually the few appended since it caught up
        if (evaluator.needsParse(key, chunk)) {
            List<SearchEvaluator.Candidate> needing = new ArrayList<>();
            for (SearchEvaluator.Candidate c : chunk) if (evaluator.needsParse(key, List.of(c))) needing.add(c);
            SearchEvaluator.loadParsed(needing);
        }
        for (SearchEvaluator.Candidate c : chunk) {
            if (evaluator.matches(key, c)) hits.add(c);
            c.release();
        }
        chunk.clear();
    }

    /**
     * Whether {@code key} can be decided from the view: flags, keywords, MODSEQ, numbers, UIDs and
     * the parse-based address and subject keys always; BODY, TEXT and HEADER only when the index
     * answered them for every message in the view (otherwise they read the blob); internal date,
     * sent date and size never.
     */
    static boolean viewSuffices(SearchKey key, Map<SearchKey, MessageIndex.Hits> answers, long highestUid) {
        return switch (key) {
            case SearchKey.All a -> true;
            case SearchKey.FlagIs f -> true;
            case SearchKey.KeywordIs k -> true;
            case SearchKey.RecentIs r -> true;
            case SearchKey.ModSeqAtLeast m -> true;
            case SearchKey.SequenceNumbers n -> true;
            case SearchKey.Uids u -> true;
            case SearchKey.Contains ct -> switch (ct.field()) {
                case BODY, TEXT -> indexAnswers(answers.get(ct), highestUid);
                default -> true;
            };
            case SearchKey.HeaderContains h -> indexAnswers(answers.get(h), highestUid);
            case SearchKey.Not n -> viewSuffices(n.key(), answers, highestUid);
            case SearchKey.Or o -> viewSuffices(o.left(), answers, highestUid) && viewSuffices(o.right(), answers, highestUid);
            case SearchKey.And a -> a.keys().stream().allMatch(k -> viewSuffices(k, answers, highestUid));
            case SearchKey.DateIs d -> false;
            case SearchKey.SizeIs s -> false;
            case SearchKey.AgeIs a -> false;
        };
    }

    private static boolean indexAnswers(MessageIndex.Hits hits, long highestUid) {
        return hits != null && hits.covers(highestUid);
    }

    /** The index's answer for every text key it can answer, by key identity. */
    private static void askIndex(MessageIndex index, ImapSession session, SearchKey key, Map<SearchKey, MessageIndex.Hits> answers)
            throws StoreException {
        if (key instanceof SearchKey.Contains ct) {
            MessageIndex.Field field = switch (ct.field()) {
                case BCC -> MessageIndex.Field.BCC;
                case BODY -> MessageIndex.Field.BODY;
                case CC -> MessageIndex.Field.CC;
                case FROM -> MessageIndex.Field.FROM;
                case SUBJECT -> MessageIndex.Field.SUBJECT;
                case TEXT -> MessageIndex.Field.TEXT;
                case TO -> MessageIndex.Field.TO;
            };
            index.search(session.owner(), session.selected().id(), field, ct.value()).ifPresent(h -> answers.put(ct, h));
        } else if (key instanceof SearchKey.HeaderContains h && !h.value().isEmpty()) {
            // the fields the index keeps hold what HEADER compares for them: the first field, decoded
            MessageIndex.Field field = switch (h.fieldName().toLowerCase(Locale.ROOT)) {
                case "subject" -> MessageIndex.Field.SUBJECT;
                case "from" -> MessageIndex.Field.FROM;
                case "to" -> MessageIndex.Field.TO;
                case "cc" -> MessageIndex.Field.CC;
                case "bcc" -> MessageIndex.Field.BCC;
                case "message-id" -> MessageIndex.Field.MESSAGE_ID;
                default -> null;
            };
            if (field != null) index.search(session.owner(), session.selected().id(), field, h.value()).ifPresent(x -> answers.put(h, x));
        } else if (key instanceof SearchKey.Not n) {
            askIndex(index, session, n.key(), answers);
        } else if (key instanceof SearchKey.Or o) {
            askIndex(index, session, o.left(), answers);
            askIndex(index, session, o.right(), answers);
        } else if (key instanceof SearchKey.And a) {
            for (SearchKey k : a.keys()) askIndex(index, session, k, answers);
        }
    }

    /** RFC 5182 §2.4: with MIN or MAX, SAVE keeps only those; otherwise all matches. */
    private static void save(SelectedMailbox selected, List<long[]> hits, Set<SearchReturnOption> options) {
        boolean min = options.contains(SearchReturnOption.MIN);
        boolean max = options.contains(SearchReturnOption.MAX);
        List<Long> uids = new ArrayList<>();
        if (!hits.isEmpty() && (min || max) && !options.contains(SearchReturnOption.ALL) && !options.contains(SearchReturnOption.COUNT)) {
            if (min) uids.add(hits.get(0)[1]);
            if (max) uids.add(hits.get(hits.size() - 1)[1]);
        } else {
            for (long[] h : hits) uids.add(h[1]);
        }
        selected.saveSearch(uids.stream().mapToLong(Long::longValue).distinct().toArray());
    }

    /** Whether {@code key} may read messages' parses: the address, subject, text and header keys and the sent date. */
    private static boolean usesParse(SearchKey key) {
        return switch (key) {
            case SearchKey.Contains ct -> true;
            case SearchKey.HeaderContains h -> true;
            case SearchKey.DateIs d -> d.field() != SearchKey.DateField.INTERNAL;
            case SearchKey.Not n -> usesParse(n.key());
            case SearchKey.Or o -> usesParse(o.left()) || usesParse(o.right());
            case SearchKey.And a -> a.keys().stream().anyMatch(SearchCommand::usesParse);
            default -> false;
        };
    }

    private static boolean usesModSeq(SearchKey key) {
        if (key instanceof SearchKey.ModSeqAtLeast) return true;
        if (key instanceof SearchKey.Not n) return usesModSeq(n.key());
        if (key instanceof SearchKey.Or o) return usesModSeq(o.left()) || usesModSeq(o.right());
        if (key instanceof SearchKey.And a) return a.keys().stream().anyMatch(SearchCommand::usesModSeq);
        return false;
    }
}
