package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.ImapDates;
import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import io.tenmail.imap.wire.request.SearchKey.DateComparison;
import io.tenmail.imap.wire.request.SearchKey.DateField;
import io.tenmail.imap.wire.request.SearchKey.Field;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SEARCH, SORT and THREAD arguments: return options, charset and the search-key grammar of
 * RFC 9051 §6.4.4 with MODSEQ (RFC 7162 §3.1.5), OLDER/YOUNGER (RFC 5032) and {@code $}
 * (RFC 5182). Recursion through NOT, OR and parentheses is bounded by {@value #MAX_DEPTH}, so
 * {@code NOT NOT NOT ...} cannot exhaust the stack.
 */
final class SearchParser {

    /** Deepest nesting of NOT / OR / parenthesised keys. */
    static final int MAX_DEPTH = 64;

    private final ArgumentReader r;
    private final Charset charset;

    private SearchParser(ArgumentReader r, Charset charset) {
        this.r = r;
        this.charset = charset;
    }

    /** "SEARCH" [SP "RETURN" SP "(" [opts] ")"] SP ["CHARSET" SP charset SP] search-key *(SP search-key). */
    static SearchRequest search(ArgumentReader r, String tag, boolean uid) throws ImapSyntaxException {
        r.sp();
        Set<SearchReturnOption> options = EnumSet.noneOf(SearchReturnOption.class);
        boolean extended = returnOptions(r, options);
        Charset charset = StandardCharsets.UTF_8;
        if (r.tryWord("CHARSET")) {
            r.sp();
            charset = charset(r);
            r.sp();
        }
        return new SearchRequest(tag, uid, options, extended, new SearchParser(r, charset).program());
    }

    /**
     * RFC 5256 §3 and RFC 5267 §3: "SORT" [SP "RETURN" ...] SP "(" sort-criterion *(SP ...) ")"
     * SP charset 1*(SP search-key).
     */
    static SortRequest sort(ArgumentReader r, String tag, boolean uid) throws ImapSyntaxException {
        r.sp();
        Set<SearchReturnOption> options = EnumSet.noneOf(SearchReturnOption.class);
        boolean extended = returnOptions(r, options);
        r.expect('(');
        List<SortRequest.Criterion> criteria = new ArrayList<>();
        do {
            boolean reverse = r.tryWord("REVERSE");
            if (reverse) r.sp();
            String key = r.keyword("sort key");
            SortRequest.Key k;
            try {
                k = SortRequest.Key.valueOf(key);
            } catch (IllegalArgumentException e) {
                throw r.error("Unknown sort key " + key);
            }
            criteria.add(new SortRequest.Criterion(k, reverse));
        } while (r.trySp());
        r.expect(')');
        r.sp();
        Charset charset = charset(r);
        r.sp();
        return new SortRequest(tag, uid, criteria, options, extended, new SearchParser(r, charset).program());
    }

    /** RFC 5256 §3: "THREAD" SP thread-alg SP charset 1*(SP search-key). */
    static ThreadRequest thread(ArgumentReader r, String tag, boolean uid) throws ImapSyntaxException {
        r.sp();
        String name = r.keyword("threading algorithm");
        ThreadRequest.Algorithm algorithm;
        try {
            algorithm = ThreadRequest.Algorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw r.error("Unknown threading algorithm " + name);
        }
        r.sp();
        Charset charset = charset(r);
        r.sp();
        return new ThreadRequest(tag, uid, algorithm, new SearchParser(r, charset).program());
    }

    /**
     * RFC 4731 §3.1: "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")" SP.
     * Returns true if RETURN was given; an empty list means ALL.
     */
    private static boolean returnOptions(ArgumentReader r, Set<SearchReturnOption> options) throws ImapSyntaxException {
        if (!r.tryWord("RETURN")) return false;
        r.sp();
        r.expect('(');
        if (!r.tryConsume(')')) {
            do {
                String name = r.keyword("return option");
                try {
                    options.add(SearchReturnOption.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw r.error("Unknown return option " + name);
                }
            } while (r.trySp());
            r.expect(')');
        }
        if (options.isEmpty()) options.add(SearchReturnOption.ALL);
        r.sp();
        return true;
    }

    /** A charset the JDK can decode; otherwise NO [BADCHARSET] (RFC 9051 §6.4.4). */
    private static Charset charset(ArgumentReader r) throws ImapSyntaxException {
        String name = r.astring("charset");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw r.no(ResponseCode.BADCHARSET, "Unsupported charset " + name);
        }
    }

    /** search-key *(SP search-key): several keys are an AND. */
    private SearchKey program() throws ImapSyntaxException {
        List<SearchKey> keys = new ArrayList<>();
        do {
            keys.add(key(1));
        } while (r.trySp());
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private SearchKey key(int depth) throws ImapSyntaxException {
        if (depth > MAX_DEPTH) throw r.error("Search criteria nested too deeply");
        if (r.tryConsume('(')) {
            List<SearchKey> keys = new ArrayList<>();
            do {
                keys.add(key(depth + 1));
            } while (r.trySp());
            r.expect(')');
            return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        }
        if (r.peekSequenceSet()) return new SearchKey.SequenceNumbers(r.sequenceSet("sequence set"));
        if (r.atEnd() || r.peek() == ')') throw r.error("Missing search criterion");
        String name = r.keyword("search criterion");
        return switch (name) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED" -> new SearchKey.FlagIs(SystemFlag.ANSWERED, true);
            case "DELETED" -> new SearchKey.FlagIs(SystemFlag.DELETED, true);
            case "DRAFT" -> new SearchKey.FlagIs(SystemFlag.DRAFT, true);
            case "FLAGGED" -> new SearchKey.FlagIs(SystemFlag.FLAGGED, true);
            case "SEEN" -> new SearchKey.FlagIs(SystemFlag.SEEN, true);
            case "UNANSWERED" -> new SearchKey.FlagIs(SystemFlag.ANSWERED, false);
            case "UNDELETED" -> new SearchKey.FlagIs(SystemFlag.DELETED, false);
            case "UNDRAFT" -> new SearchKey.FlagIs(SystemFlag.DRAFT, false);
            case "UNFLAGGED" -> new SearchKey.FlagIs(SystemFlag.FLAGGED, false);
            case "UNSEEN" -> new SearchKey.FlagIs(SystemFlag.SEEN, false);
            case "KEYWORD" -> new SearchKey.KeywordIs(keyword(), true);
            case "UNKEYWORD" -> new SearchKey.KeywordIs(keyword(), false);
            case "RECENT" -> new SearchKey.RecentIs(true);
            case "OLD" -> new SearchKey.RecentIs(false);
            // RFC 3501 §6.4.4: NEW is RECENT UNSEEN
            case "NEW" -> new SearchKey.And(List.of(new SearchKey.RecentIs(true), new SearchKey.FlagIs(SystemFlag.SEEN, false)));
            case "BCC" -> contains(Field.BCC);
            case "BODY" -> contains(Field.BODY);
            case "CC" -> contains(Field.CC);
            case "FROM" -> contains(Field.FROM);
            case "SUBJECT" -> contains(Field.SUBJECT);
            case "TEXT" -> contains(Field.TEXT);
            case "TO" -> contains(Field.TO);
            case "HEADER" -> header();
            case "BEFORE" -> date(DateField.INTERNAL, DateComparison.BEFORE);
            case "ON" -> date(DateField.INTERNAL, DateComparison.ON);
            case "SINCE" -> date(DateField.INTERNAL, DateComparison.SINCE);
            case "SENTBEFORE" -> date(DateField.SENT, DateComparison.BEFORE);
            case "SENTON" -> date(DateField.SENT, DateComparison.ON);
            case "SENTSINCE" -> date(DateField.SENT, DateComparison.SINCE);
            case "LARGER" -> new SearchKey.SizeIs(true, spNumber64("size"));
            case "SMALLER" -> new SearchKey.SizeIs(false, spNumber64("size"));
            case "OLDER" -> new SearchKey.AgeIs(true, spNzNumber("interval"));
            case "YOUNGER" -> new SearchKey.AgeIs(false, spNzNumber("interval"));
            case "UID" -> {
                r.sp();
                yield new SearchKey.Uids(r.sequenceSet("UID set"));
            }
            case "MODSEQ" -> modSeq();
            case "NOT" -> {
                r.sp();
                yield new SearchKey.Not(key(depth + 1));
            }
            case "OR" -> {
                r.sp();
                SearchKey left = key(depth + 1);
                r.sp();
                yield new SearchKey.Or(left, key(depth + 1));
            }
            default -> throw r.error("Unknown search criterion " + name);
        };
    }

    private SearchKey contains(Field field) throws ImapSyntaxException {
        r.sp();
        return new SearchKey.Contains(field, string(field.name()));
    }

    /** "HEADER" SP header-fld-name SP astring. */
    private SearchKey header() throws ImapSyntaxException {
        r.sp();
        String field = r.astring("header field name");
        if (field.isEmpty()) throw r.error("Empty header field name");
        r.sp();
        return new SearchKey.HeaderContains(field, string("HEADER value"));
    }

    /** An astring decoded from the CHARSET (RFC 9051 §6.4.4). */
    private String string(String what) throws ImapSyntaxException {
        return r.decode(r.astringOctets(what), charset, what);
    }

    /** flag-keyword = atom; never a system flag. */
    private String keyword() throws ImapSyntaxException {
        r.sp();
        if (r.peek() == '\\') throw r.error("KEYWORD takes a keyword, not a system flag");
        String keyword = r.atom("keyword");
        if (keyword.length() > Flags.MAX_KEYWORD_LENGTH) throw r.error("Keyword too long");
        return keyword;
    }

    /** date = date-text / DQUOTE date-text DQUOTE. */
    private SearchKey date(DateField field, DateComparison comparison) throws ImapSyntaxException {
        r.sp();
        String text = r.peek() == '"' ? r.string("date") : r.atom("date");
        LocalDate date;
        try {
            date = ImapDates.parseDate(text);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
        return new SearchKey.DateIs(field, comparison, date);
    }

    /**
     * RFC 7162 §3.1.5: "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer,
     * entry-name = DQUOTE "/flags/" attr-flag DQUOTE, entry-type-req = "priv" / "shared" / "all".
     */
    private SearchKey modSeq() throws ImapSyntaxException {
        r.sp();
        String entry = null;
        String type = null;
        if (r.peek() == '"') {
            entry = r.string("MODSEQ entry name");
            if (!entry.toLowerCase(Locale.ROOT).startsWith("/flags/") || entry.length() == 7) {
                throw r.error("MODSEQ entry name must be \"/flags/<flag>\"");
            }
            r.sp();
            type = r.keyword("MODSEQ entry type").toLowerCase(Locale.ROOT);
            if (!type.equals("priv") && !type.equals("shared") && !type.equals("all")) {
                throw r.error("MODSEQ entry type must be priv, shared or all");
            }
            r.sp();
        }
        return new SearchKey.ModSeqAtLeast(r.number64("mod-sequence"), entry, type);
    }

    private long spNumber64(String what) throws ImapSyntaxException {
        r.sp();
        return r.number64(what);
    }

    private long spNzNumber(String what) throws ImapSyntaxException {
        r.sp();
        return r.nzNumber(what);
    }
}
