package io.tenmail.imap.command.search;

import io.tenmail.imap.command.BaseCommand;
import io.tenmail.imap.command.ImapBackend;
import io.tenmail.imap.command.ImapCommand;
import io.tenmail.imap.session.ImapSession;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.imap.wire.request.SearchReturnOption;
import io.tenmail.imap.wire.request.SortRequest;
import io.tenmail.imap.wire.request.SortRequest.Criterion;
import io.tenmail.imap.wire.response.EnvelopeAddress;
import io.tenmail.imap.wire.response.AddressParser;
import io.tenmail.imap.wire.response.ResponseWriter;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.ParsedMessage;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * SORT and UID SORT: RFC 5256 §3 (keys ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, each optionally
 * REVERSE; ties broken by sequence number), DISPLAYFROM and DISPLAYTO (RFC 5957), and ESORT's
 * RETURN options (RFC 5267 §3: MIN and MAX are the first and last in sort order, ALL keeps the
 * order) with SAVE (RFC 5182). Strings compare under i;ascii-casemap. Every value comes from the
 * message's metadata and the parse stored at delivery.
 */
public final class SortCommand extends BaseCommand<SortRequest> {
    private final ImapBackend backend;

    public SortCommand(ImapBackend backend) {
        super(ImapCommand.SORT, SortRequest.class);
        this.backend = backend;
    }

    /** One matching message with its sort values, one per criterion. */
    private record Row(int seq, long uid, Object[] values) {
    }

    @Override
    public StatusResponse handle(ImapSession session, SortRequest request) throws StoreException, IOException {
        List<SearchEvaluator.Candidate> hits = SearchCommand.matching(backend, session, request.key(), false);
        List<Row> rows = new ArrayList<>(hits.size());
        try {
            for (int from = 0; from < hits.size(); from += SearchEvaluator.PARSE_CHUNK) {
                List<SearchEvaluator.Candidate> chunk = hits.subList(from, Math.min(hits.size(), from + SearchEvaluator.PARSE_CHUNK));
                if (request.criteria().stream().anyMatch(c -> needsParse(c.key()))) SearchEvaluator.loadParsed(chunk);
                for (SearchEvaluator.Candidate c : chunk) {
                    Object[] values = new Object[request.criteria().size()];
                    for (int i = 0; i < values.length; i++) values[i] = value(request.criteria().get(i).key(), c);
                    rows.add(new Row(c.seq, c.meta.uid().value(), values));
                    c.release();
                }
            }
        } catch (SearchEvaluator.SearchFailure e) {
            throw e.cause;
        }
        rows.sort(comparator(request.criteria()));
        long[] numbers = rows.stream().mapToLong(r -> request.uid() ? r.uid() : r.seq()).toArray();
        Set<SearchReturnOption> options = request.returnOptions();
        if (options.contains(SearchReturnOption.SAVE)) {
            long[] saved = rows.stream().mapToLong(Row::uid).toArray();
            if (saved.length > 0 && !options.contains(SearchReturnOption.ALL) && !options.contains(SearchReturnOption.COUNT)
                    && (options.contains(SearchReturnOption.MIN) || options.contains(SearchReturnOption.MAX))) {
                // RFC 5182 §2.4: with only MIN/MAX, SAVE keeps what they return
                List<Long> kept = new ArrayList<>();
                if (options.contains(SearchReturnOption.MIN)) kept.add(saved[0]);
                if (options.contains(SearchReturnOption.MAX)) kept.add(saved[saved.length - 1]);
                saved = kept.stream().mapToLong(Long::longValue).distinct().toArray();
            }
            session.selected().saveSearch(saved);
        }
        ResponseWriter w = session.writer();
        if (!request.extended()) {
            w.untagged().atom("SORT");
            for (long n : numbers) w.number(n);
            w.end();
        } else if (!options.equals(Set.of(SearchReturnOption.SAVE))) {
            Set<SearchReturnOption> wanted = options.isEmpty() ? Set.of(SearchReturnOption.ALL) : options;
            w.untagged().atom("ESEARCH").openList().atom("TAG").string(request.tag()).closeList();
            if (request.uid()) w.atom("UID");
            if (numbers.length > 0) {
                if (wanted.contains(SearchReturnOption.MIN)) w.atom("MIN").number(numbers[0]);
                if (wanted.contains(SearchReturnOption.MAX)) w.atom("MAX").number(numbers[numbers.length - 1]);
                if (wanted.contains(SearchReturnOption.ALL)) w.atom("ALL").atom(inOrder(numbers));
            }
            if (wanted.contains(SearchReturnOption.COUNT)) w.atom("COUNT").number(numbers.length);
            w.end();
        }
        return StatusResponse.ok(request.tag(), request.name() + " completed");
    }

    private static boolean needsParse(SortRequest.Key key) {
        return key != SortRequest.Key.ARRIVAL && key != SortRequest.Key.SIZE;
    }

    private static Object value(SortRequest.Key key, SearchEvaluator.Candidate c) {
        return switch (key) {
            case ARRIVAL -> c.meta.internalDate();
            case SIZE -> c.meta.size();
            case DATE -> sentDate(c);
            case SUBJECT -> BaseSubject.of(c.parsed().subject()).text();
            case FROM -> mailbox(c.parsed().from());
            case TO -> mailbox(c.parsed().to());
            case CC -> mailbox(c.parsed().cc());
            case DISPLAYFROM -> display(c.parsed().from());
            case DISPLAYTO -> display(c.parsed().to());
        };
    }

    static Instant sentDate(SearchEvaluator.Candidate c) {
        ParsedMessage p = c.parsed();
        return SentDate.of(p.date(), c.meta.internalDate());
    }

    /** RFC 5256 §3: the addr-mailbox of the first address, empty if there is none. */
    static String mailbox(String header) {
        EnvelopeAddress a = firstAddress(header);
        return a == null || a.mailbox() == null ? "" : a.mailbox();
    }

    /** RFC 5957 §3: the decoded display name of the first address, else its addr-spec. */
    static String display(String header) {
        EnvelopeAddress a = firstAddress(header);
        if (a == null) return "";
        if (a.name() != null) {
            String name;
            try {
                name = DecoderUtil.decodeEncodedWords(a.name(), DecodeMonitor.SILENT).trim();
            } catch (RuntimeException e) {
                name = a.name().trim();
            }
            if (!name.isEmpty()) return name;
        }
        return a.mailbox() + "@" + a.host();
    }

    private static EnvelopeAddress firstAddress(String header) {
        for (EnvelopeAddress a : AddressParser.parse(header)) {
            if (!a.isGroupStart() && !a.isGroupEnd()) return a;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Row> comparator(List<Criterion> criteria) {
        Comparator<Row> cmp = null;
        for (int i = 0; i < criteria.size(); i++) {
            int index = i;
            Comparator<Row> one = (a, b) -> {
                Object x = a.values()[index];
                Object y = b.values()[index];
                if (x instanceof String s) return Collation.compare(s, (String) y);
                return ((Comparable) x).compareTo(y);
            };
            if (criteria.get(i).reverse()) one = one.reversed();
            cmp = cmp == null ? one : cmp.thenComparing(one);
        }
        // RFC 5256 §3: equal by every key, the lower sequence number first
        Comparator<Row> bySeq = Comparator.comparingInt(Row::seq);
        return cmp == null ? bySeq : cmp.thenComparing(bySeq);
    }

    /** RFC 5267 §3.2: ALL in sort order, ascending runs of consecutive numbers as ranges. */
    static String inOrder(long[] numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.length) {
            int j = i;
            while (j + 1 < numbers.length && numbers[j + 1] == numbers[j] + 1) j++;
            if (!sb.isEmpty()) sb.append(',');
            sb.append(numbers[i]);
            if (j > i) sb.append(':').append(numbers[j]);
            i = j + 1;
        }
        return sb.toString();
    }
}
