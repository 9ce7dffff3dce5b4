package io.tenmail.imap.wire.request;

import static io.tenmail.imap.wire.request.Requests.parse;
import static io.tenmail.imap.wire.request.Requests.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.request.SearchKey.All;
import io.tenmail.imap.wire.request.SearchKey.And;
import io.tenmail.imap.wire.request.SearchKey.Contains;
import io.tenmail.imap.wire.request.SearchKey.DateComparison;
import io.tenmail.imap.wire.request.SearchKey.DateField;
import io.tenmail.imap.wire.request.SearchKey.DateIs;
import io.tenmail.imap.wire.request.SearchKey.Field;
import io.tenmail.imap.wire.request.SearchKey.FlagIs;
import io.tenmail.imap.wire.request.SearchKey.Not;
import io.tenmail.imap.wire.request.SearchKey.Or;
import io.tenmail.storage.model.Flags.SystemFlag;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchParserTest {

    static SearchKey key(String criteria) throws ImapSyntaxException {
        return parse("a SEARCH " + criteria, SearchRequest.class).key();
    }

    @Test
    void theRfcExamplesParse() throws ImapSyntaxException {
        // RFC 9051 §6.4.4
        assertThat(key("FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"")).isEqualTo(new And(List.of(
                new FlagIs(SystemFlag.FLAGGED, true),
                new DateIs(DateField.INTERNAL, DateComparison.SINCE, LocalDate.of(1994, 2, 1)),
                new Not(new Contains(Field.FROM, "Smith")))));
        assertThat(key("TEXT \"string not in mailbox\"")).isEqualTo(new Contains(Field.TEXT, "string not in mailbox"));
        SearchRequest charset = parse("A284 SEARCH CHARSET UTF-8 TEXT {6}\r\n\u53f0\u5317", SearchRequest.class);
        assertThat(charset.key()).isEqualTo(new Contains(Field.TEXT, "台北"));
    }

    @Test
    void everyCriterionParses() throws ImapSyntaxException {
        assertThat(key("ALL")).isEqualTo(new All());
        assertThat(key("answered")).isEqualTo(new FlagIs(SystemFlag.ANSWERED, true));
        assertThat(key("UNDELETED")).isEqualTo(new FlagIs(SystemFlag.DELETED, false));
        assertThat(key("DRAFT UNDRAFT SEEN UNSEEN FLAGGED UNFLAGGED DELETED UNANSWERED")).isInstanceOf(And.class);
        assertThat(key("KEYWORD $Forwarded")).isEqualTo(new SearchKey.KeywordIs("$Forwarded", true));
        assertThat(key("UNKEYWORD Junk")).isEqualTo(new SearchKey.KeywordIs("Junk", false));
        assertThat(key("RECENT")).isEqualTo(new SearchKey.RecentIs(true));
        assertThat(key("OLD")).isEqualTo(new SearchKey.RecentIs(false));
        assertThat(key("NEW")).isEqualTo(new And(List.of(new SearchKey.RecentIs(true), new FlagIs(SystemFlag.SEEN, false))));
        assertThat(key("BCC a")).isEqualTo(new Contains(Field.BCC, "a"));
        assertThat(key("BODY \"b c\"")).isEqualTo(new Contains(Field.BODY, "b c"));
        assertThat(key("CC c")).isEqualTo(new Contains(Field.CC, "c"));
        assertThat(key("SUBJECT \"\"")).isEqualTo(new Contains(Field.SUBJECT, ""));
        assertThat(key("TO {3}\r\nt o")).isEqualTo(new Contains(Field.TO, "t o"));
        assertThat(key("HEADER X-Spam \"\"")).isEqualTo(new SearchKey.HeaderContains("X-Spam", ""));
        assertThat(key("BEFORE \"5-Mar-2026\"")).isEqualTo(new DateIs(DateField.INTERNAL, DateComparison.BEFORE, LocalDate.of(2026, 3, 5)));
        assertThat(key("ON 05-Mar-2026")).isEqualTo(new DateIs(DateField.INTERNAL, DateComparison.ON, LocalDate.of(2026, 3, 5)));
        assertThat(key("SENTBEFORE 1-Jan-2000")).isEqualTo(new DateIs(DateField.SENT, DateComparison.BEFORE, LocalDate.of(2000, 1, 1)));
        assertThat(key("SENTON 1-Jan-2000")).isEqualTo(new DateIs(DateField.SENT, DateComparison.ON, LocalDate.of(2000, 1, 1)));
        assertThat(key("SENTSINCE 1-Jan-2000")).isEqualTo(new DateIs(DateField.SENT, DateComparison.SINCE, LocalDate.of(2000, 1, 1)));
        assertThat(key("LARGER 10000")).isEqualTo(new SearchKey.SizeIs(true, 10000));
        assertThat(key("SMALLER 5000000000")).isEqualTo(new SearchKey.SizeIs(false, 5_000_000_000L));
        assertThat(key("UID 1:*")).isEqualTo(new SearchKey.Uids(SequenceSet.parse("1:*")));
        assertThat(key("2,4:7,9,12:*")).isEqualTo(new SearchKey.SequenceNumbers(SequenceSet.parse("2,4:7,9,12:*")));
    }

    @Test
    void withinAddsOlderAndYounger() throws ImapSyntaxException {
        // RFC 5032 §3
        assertThat(key("YOUNGER 259200")).isEqualTo(new SearchKey.AgeIs(false, 259200));
        assertThat(key("OLDER 60")).isEqualTo(new SearchKey.AgeIs(true, 60));
        assertThat(refusal("a SEARCH OLDER 0")).isEqualTo("a BAD SEARCH: interval must be a positive number without leading zeros");
    }

    @Test
    void condstoreAddsModseq() throws ImapSyntaxException {
        // RFC 7162 §3.1.5 examples
        assertThat(key("MODSEQ \"/flags/\\\\draft\" all 620162338"))
                .isEqualTo(new SearchKey.ModSeqAtLeast(620162338, "/flags/\\draft", "all"));
        assertThat(key("MODSEQ 0")).isEqualTo(new SearchKey.ModSeqAtLeast(0, null, null));
        assertThat(refusal("a SEARCH MODSEQ \"/seen\" all 1")).isEqualTo("a BAD SEARCH: MODSEQ entry name must be \"/flags/<flag>\"");
        assertThat(refusal("a SEARCH MODSEQ \"/flags/x\" some 1")).isEqualTo("a BAD SEARCH: MODSEQ entry type must be priv, shared or all");
    }

    @Test
    void searchresAddsDollar() throws ImapSyntaxException {
        // RFC 5182 §2.2
        assertThat(key("$")).isEqualTo(new SearchKey.SequenceNumbers(SequenceSet.SAVED));
        SearchKey uid = key("UID $ SMALLER 4096");
        assertThat(uid).isEqualTo(new And(List.of(new SearchKey.Uids(SequenceSet.SAVED), new SearchKey.SizeIs(false, 4096))));
        assertThat(uid.usesSavedResult()).isTrue();
        assertThat(key("OR $ 1:10").usesSavedResult()).isTrue();
        assertThat(key("NOT (1 ALL)").usesSavedResult()).isFalse();
    }

    @Test
    void orNotAndParenthesesNest() throws ImapSyntaxException {
        assertThat(key("OR (FROM a TO b) NOT (SEEN OR DRAFT ANSWERED)")).isEqualTo(new Or(
                new And(List.of(new Contains(Field.FROM, "a"), new Contains(Field.TO, "b"))),
                new Not(new And(List.of(new FlagIs(SystemFlag.SEEN, true),
                        new Or(new FlagIs(SystemFlag.DRAFT, true), new FlagIs(SystemFlag.ANSWERED, true)))))));
        assertThat(key("OR OR SEEN DRAFT FLAGGED")).isEqualTo(new Or(
                new Or(new FlagIs(SystemFlag.SEEN, true), new FlagIs(SystemFlag.DRAFT, true)), new FlagIs(SystemFlag.FLAGGED, true)));
        assertThat(key("((SEEN))")).isEqualTo(new FlagIs(SystemFlag.SEEN, true));
    }

    @Test
    void deepNestingWithoutParenthesesIsRefused() {
        String deep = "NOT ".repeat(SearchParser.MAX_DEPTH) + "ALL";
        assertThat(refusal("a SEARCH " + deep)).isEqualTo("a BAD SEARCH: Search criteria nested too deeply");
        String deepOr = "OR ALL ".repeat(5_000) + "ALL";
        assertThat(refusal("a SEARCH " + deepOr)).isEqualTo("a BAD SEARCH: Search criteria nested too deeply");
    }

    @Test
    void nestingBelowTheLimitIsFine() throws ImapSyntaxException {
        assertThat(key("NOT ".repeat(SearchParser.MAX_DEPTH - 1) + "ALL")).isInstanceOf(Not.class);
    }

    @Test
    void returnOptionsAskForEsearch() throws ImapSyntaxException {
        // RFC 4731 §3.1 examples
        SearchRequest minMax = parse("A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"", SearchRequest.class);
        assertThat(minMax.extended()).isTrue();
        assertThat(minMax.returnOptions()).containsExactlyInAnyOrder(SearchReturnOption.MIN, SearchReturnOption.COUNT);
        SearchRequest empty = parse("A283 SEARCH RETURN () FLAGGED", SearchRequest.class);
        assertThat(empty.returnOptions()).containsExactly(SearchReturnOption.ALL);
        SearchRequest plain = parse("A SEARCH FLAGGED", SearchRequest.class);
        assertThat(plain.extended()).isFalse();
        assertThat(plain.returnOptions()).isEmpty();
        SearchRequest save = parse("A UID SEARCH RETURN (SAVE MAX) CHARSET utf-8 FLAGGED", SearchRequest.class);
        assertThat(save.uid()).isTrue();
        assertThat(save.returnOptions()).isEqualTo(Set.of(SearchReturnOption.SAVE, SearchReturnOption.MAX));
        assertThat(refusal("a SEARCH RETURN (PARTIAL 1:10) ALL")).isEqualTo("a BAD SEARCH: Unknown return option PARTIAL");
    }

    @Test
    void stringsAreDecodedFromTheCharset() throws ImapSyntaxException {
        Charset gbk = Charset.forName("GBK");
        byte[] subject = "会议".getBytes(gbk);
        byte[] head = ("a SEARCH CHARSET GBK SUBJECT {" + subject.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + subject.length + 2];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(subject, 0, line, head.length, subject.length);
        line[line.length - 2] = '\r';
        line[line.length - 1] = '\n';
        SearchRequest s = (SearchRequest) new CommandParser().parse(Requests.frame(line));
        assertThat(s.key()).isEqualTo(new Contains(Field.SUBJECT, "会议"));
        // quoted strings may carry 8-bit text too, as real clients send it
        assertThat(key("SUBJECT \"会议\"")).isEqualTo(new Contains(Field.SUBJECT, "会议"));
    }

    @Test
    void anUnknownCharsetIsANo() {
        // RFC 9051 §6.4.4: NO [BADCHARSET]
        assertThat(refusal("a SEARCH CHARSET X-UNKNOWN-7 ALL")).isEqualTo("a NO [BADCHARSET] SEARCH: Unsupported charset X-UNKNOWN-7");
        assertThat(refusal("a SEARCH CHARSET \"bad name!\" ALL")).isEqualTo("a NO [BADCHARSET] SEARCH: Unsupported charset bad name!");
    }

    @Test
    void stringsInvalidInTheCharsetAreRefused() {
        byte[] line = "a SEARCH CHARSET US-ASCII SUBJECT {1+}\r\n\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(() -> new CommandParser().parse(Requests.frame(line)))).isEqualTo("a BAD SEARCH: Invalid US-ASCII in SUBJECT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a SEARCH|a BAD SEARCH: Missing arguments",
        "a SEARCH FOO|a BAD SEARCH: Unknown search criterion FOO",
        "a SEARCH FROM|a BAD SEARCH: Missing arguments",
        "a SEARCH SINCE 1-Foo-2000|a BAD SEARCH: Invalid month in date '1-Foo-2000'",
        "a SEARCH SINCE 31-Feb-2000|a BAD SEARCH: No such day: '31-Feb-2000'",
        "a SEARCH LARGER x|a BAD SEARCH: Expected size as a number at 'x'",
        "a SEARCH LARGER 12ab|a BAD SEARCH: Expected size as a number at '12ab'",
        "a SEARCH LARGER 99999999999999999999|a BAD SEARCH: size is too large",
        "a SEARCH (SEEN|a BAD SEARCH: Expected ')' at the end",
        "a SEARCH ()|a BAD SEARCH: Missing search criterion",
        "a SEARCH SEEN)|a BAD SEARCH: Unexpected characters at the end: ')'",
        "a SEARCH OR SEEN|a BAD SEARCH: Missing arguments",
        "a SEARCH UID|a BAD SEARCH: Missing arguments",
        "a SEARCH UID 0|a BAD SEARCH: Invalid UID set (0 is not a valid sequence number)",
        "a SEARCH 1,$|a BAD SEARCH: Invalid sequence set ('$' must be the whole sequence set)",
        "a SEARCH KEYWORD \\Seen|a BAD SEARCH: KEYWORD takes a keyword, not a system flag",
        "a SEARCH HEADER \"\" x|a BAD SEARCH: Empty header field name",
        "a SEARCH CHARSET|a BAD SEARCH: Missing arguments",
        "a SEARCH RETURN MIN ALL|a BAD SEARCH: Expected '(' before 'MIN ALL'",
    })
    void mistakesGetPreciseTexts(String line, String response) {
        assertThat(refusal(line)).isEqualTo(response);
    }

    @Test
    void sortTakesCriteriaAndAMandatoryCharset() throws ImapSyntaxException {
        // RFC 5256 §3 examples
        SortRequest sort = parse("A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994", SortRequest.class);
        assertThat(sort.criteria()).containsExactly(new SortRequest.Criterion(SortRequest.Key.SUBJECT, false));
        assertThat(sort.key()).isEqualTo(new DateIs(DateField.INTERNAL, DateComparison.SINCE, LocalDate.of(1994, 2, 1)));
        SortRequest reverse = parse("A285 SORT (SUBJECT REVERSE DATE) UTF-8 ALL", SortRequest.class);
        assertThat(reverse.criteria()).containsExactly(new SortRequest.Criterion(SortRequest.Key.SUBJECT, false),
                new SortRequest.Criterion(SortRequest.Key.DATE, true));
        SortRequest uid = parse("A284 UID SORT (REVERSE ARRIVAL cc displayfrom) US-ASCII ALL", SortRequest.class);
        assertThat(uid.uid()).isTrue();
        assertThat(uid.criteria()).extracting(SortRequest.Criterion::key)
                .containsExactly(SortRequest.Key.ARRIVAL, SortRequest.Key.CC, SortRequest.Key.DISPLAYFROM);
        // RFC 5267 §3.2: ESORT
        SortRequest esort = parse("A301 UID SORT RETURN (COUNT MIN) (DATE) UTF-8 UNDELETED", SortRequest.class);
        assertThat(esort.extended()).isTrue();
        assertThat(esort.returnOptions()).containsExactlyInAnyOrder(SearchReturnOption.COUNT, SearchReturnOption.MIN);
        assertThat(refusal("a SORT (SUBJECT) UTF-8")).isEqualTo("a BAD SORT: Missing arguments");
        assertThat(refusal("a SORT (SUBJECT) ALL")).isEqualTo("a NO [BADCHARSET] SORT: Unsupported charset ALL");
        assertThat(refusal("a SORT () UTF-8 ALL")).isEqualTo("a BAD SORT: Expected sort key at ') UTF-8 ALL'");
        assertThat(refusal("a SORT (COLOR) UTF-8 ALL")).isEqualTo("a BAD SORT: Unknown sort key COLOR");
        assertThat(refusal("a SORT (REVERSE) UTF-8 ALL")).isEqualTo("a BAD SORT: Expected a space before ') UTF-8 ALL'");
        assertThat(refusal("a SORT (DATE) KOI9-Z ALL")).isEqualTo("a NO [BADCHARSET] SORT: Unsupported charset KOI9-Z");
    }

    @Test
    void threadTakesAnAlgorithmAndACharset() throws ImapSyntaxException {
        ThreadRequest t = parse("A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000", ThreadRequest.class);
        assertThat(t.algorithm()).isEqualTo(ThreadRequest.Algorithm.ORDEREDSUBJECT);
        assertThat(parse("A284 UID THREAD references US-ASCII TEXT \"gewp\"", ThreadRequest.class).algorithm())
                .isEqualTo(ThreadRequest.Algorithm.REFERENCES);
        assertThat(refusal("A THREAD GRAPH UTF-8 ALL")).isEqualTo("A BAD THREAD: Unknown threading algorithm GRAPH");
        assertThat(refusal("A THREAD REFERENCES UTF-8")).isEqualTo("A BAD THREAD: Missing arguments");
    }
}
