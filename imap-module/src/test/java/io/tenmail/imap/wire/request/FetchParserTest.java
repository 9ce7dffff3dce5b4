package io.tenmail.imap.wire.request;

import static io.tenmail.imap.wire.request.Requests.parse;
import static io.tenmail.imap.wire.request.Requests.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.imap.wire.request.FetchAttribute.Binary;
import io.tenmail.imap.wire.request.FetchAttribute.BinarySize;
import io.tenmail.imap.wire.request.FetchAttribute.Body;
import io.tenmail.imap.wire.request.FetchAttribute.Simple;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchParserTest {

    static List<FetchAttribute> items(String items) throws ImapSyntaxException {
        return parse("a FETCH 1 " + items, FetchRequest.class).attributes();
    }

    static Body body(String items) throws ImapSyntaxException {
        List<FetchAttribute> list = items(items);
        assertThat(list).hasSize(1);
        return (Body) list.get(0);
    }

    @Test
    void theRfcExampleParses() throws ImapSyntaxException {
        // RFC 9051 §6.4.5
        FetchRequest f = parse("A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])", FetchRequest.class);
        assertThat(f.set()).isEqualTo(SequenceSet.parse("2:4"));
        assertThat(f.uid()).isFalse();
        assertThat(f.attributes()).containsExactly(Simple.FLAGS,
                new Body(new Section(List.of(), Section.Text.HEADER_FIELDS, List.of("DATE", "FROM")), false, null));
        assertThat(f.changedSince()).isEmpty();
        assertThat(f.vanished()).isFalse();
    }

    @Test
    void everySimpleItemParses() throws ImapSyntaxException {
        assertThat(items("(ENVELOPE FLAGS INTERNALDATE RFC822 RFC822.HEADER RFC822.SIZE RFC822.TEXT BODY BODYSTRUCTURE UID MODSEQ)"))
                .containsExactly(Simple.ENVELOPE, Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822, Simple.RFC822_HEADER,
                        Simple.RFC822_SIZE, Simple.RFC822_TEXT, Simple.BODY, Simple.BODYSTRUCTURE, Simple.UID, Simple.MODSEQ);
        assertThat(items("uid")).containsExactly(Simple.UID);
        assertThat(items("(flags Flags FLAGS)")).containsExactly(Simple.FLAGS);
    }

    @Test
    void macrosExpand() throws ImapSyntaxException {
        assertThat(items("ALL")).containsExactly(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE);
        assertThat(items("fast")).containsExactly(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE);
        assertThat(items("FULL")).containsExactly(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE, Simple.BODY);
        assertThat(refusal("a FETCH 1 (ALL)")).isEqualTo("a BAD FETCH: Unknown data item ALL");
    }

    @Test
    void sectionsParse() throws ImapSyntaxException {
        assertThat(body("BODY[]")).isEqualTo(new Body(Section.WHOLE, false, null));
        assertThat(body("BODY.PEEK[]")).isEqualTo(new Body(Section.WHOLE, true, null));
        assertThat(body("BODY[HEADER]").section()).isEqualTo(Section.of(Section.Text.HEADER));
        assertThat(body("BODY[TEXT]").section()).isEqualTo(Section.of(Section.Text.TEXT));
        assertThat(body("BODY[1]").section()).isEqualTo(Section.of(null, 1));
        assertThat(body("BODY[4.2.2.1]").section()).isEqualTo(Section.of(null, 4, 2, 2, 1));
        assertThat(body("BODY[3.HEADER]").section()).isEqualTo(Section.of(Section.Text.HEADER, 3));
        assertThat(body("BODY[4.2.TEXT]").section()).isEqualTo(Section.of(Section.Text.TEXT, 4, 2));
        assertThat(body("BODY[4.1.MIME]").section()).isEqualTo(Section.of(Section.Text.MIME, 4, 1));
        assertThat(body("body.peek[header.fields.not (x-spam \"Received\" {2}\r\nTo)]").section())
                .isEqualTo(new Section(List.of(), Section.Text.HEADER_FIELDS_NOT, List.of("x-spam", "Received", "To")));
        assertThat(body("BODY[2.HEADER.FIELDS (SUBJECT)]").section())
                .isEqualTo(new Section(List.of(2), Section.Text.HEADER_FIELDS, List.of("SUBJECT")));
    }

    @Test
    void sectionsRenderForTheResponse() throws ImapSyntaxException {
        assertThat(body("BODY[]").section().render()).isEmpty();
        assertThat(body("BODY[4.2.TEXT]").section().render()).isEqualTo("4.2.TEXT");
        assertThat(body("BODY[HEADER.FIELDS (date From)]").section().toString()).isEqualTo("[HEADER.FIELDS (DATE FROM)]");
        assertThat(body("BODY[1.HEADER.FIELDS.NOT (x)]").section().render()).isEqualTo("1.HEADER.FIELDS.NOT (X)");
    }

    @Test
    void responseNamesDropPeekAndKeepOnlyTheOrigin() throws ImapSyntaxException {
        // RFC 9051 §7.5.2: BODY[section]<origin>, BINARY[part]<origin>, BINARY.SIZE[part]
        assertThat(items("(BODY.PEEK[HEADER.FIELDS (date From)]<0.2048> BODY[] BINARY.PEEK[1.2]<5.10> BINARY.SIZE[3] "
                + "RFC822.SIZE BODY)").stream().map(FetchAttribute::responseName))
                .containsExactly("BODY[HEADER.FIELDS (DATE FROM)]<0>", "BODY[]", "BINARY[1.2]<5>", "BINARY.SIZE[3]",
                        "RFC822.SIZE", "BODY");
    }

    @Test
    void partialsParse() throws ImapSyntaxException {
        assertThat(body("BODY[]<0.2048>").partial()).isEqualTo(new Partial(0, 2048));
        assertThat(body("BODY.PEEK[TEXT]<1000.10>").partial()).isEqualTo(new Partial(1000, 10));
        assertThat(body("BODY[]<0.2048>").partial().toString()).isEqualTo("<0.2048>");
        assertThat(refusal("a FETCH 1 BODY[]<0.0>")).isEqualTo("a BAD FETCH: Partial length must be positive");
        assertThat(refusal("a FETCH 1 BODY[]<5>")).isEqualTo("a BAD FETCH: Expected '.' before '>'");
        assertThat(refusal("a FETCH 1 BODY<0.5>")).isEqualTo("a BAD FETCH: BODY takes a partial only after a section");
    }

    @Test
    void binaryItemsParse() throws ImapSyntaxException {
        // RFC 3516 §4.2
        assertThat(items("(BINARY[1] BINARY.PEEK[1.2]<0.100> BINARY.SIZE[2] BINARY[])")).containsExactly(
                new Binary(List.of(1), false, null), new Binary(List.of(1, 2), true, new Partial(0, 100)),
                new BinarySize(List.of(2)), new Binary(List.of(), false, null));
        assertThat(refusal("a FETCH 1 BINARY[1.TEXT]")).isEqualTo("a BAD FETCH: BINARY takes part numbers only, not '.TEXT]'");
        assertThat(refusal("a FETCH 1 BINARY[HEADER]")).isEqualTo("a BAD FETCH: BINARY takes part numbers only, not 'HEADER]'");
        assertThat(refusal("a FETCH 1 BINARY")).isEqualTo("a BAD FETCH: BINARY needs a section");
        assertThat(refusal("a FETCH 1 BINARY.SIZE[1]<0.5>")).isEqualTo("a BAD FETCH: BINARY.SIZE takes no partial");
    }

    @Test
    void modifiersParse() throws ImapSyntaxException {
        // RFC 7162 §3.1.4.2 and §3.2.6 examples
        FetchRequest c = parse("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)", FetchRequest.class);
        assertThat(c.changedSince()).isEqualTo(OptionalLong.of(12345));
        assertThat(c.uid()).isTrue();
        FetchRequest v = parse("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)", FetchRequest.class);
        assertThat(v.vanished()).isTrue();
        assertThat(parse("a FETCH 1 FLAGS (changedsince 0)", FetchRequest.class).changedSince()).hasValue(0);
    }

    @Test
    void vanishedNeedsUidFetchAndChangedSince() {
        assertThat(refusal("s FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)")).isEqualTo("s BAD FETCH: VANISHED is allowed in UID FETCH only");
        assertThat(refusal("s UID FETCH 1:* (FLAGS) (VANISHED)")).isEqualTo("s BAD UID FETCH: VANISHED needs CHANGEDSINCE");
        assertThat(refusal("s UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)")).isEqualTo("s BAD UID FETCH: CHANGEDSINCE given twice");
        assertThat(refusal("s UID FETCH 1:* (FLAGS) (FOO)")).isEqualTo("s BAD UID FETCH: Unknown modifier FOO");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a FETCH 1|a BAD FETCH: Missing arguments",
        "a FETCH 1 ()|a BAD FETCH: Expected a data item at ')'",
        "a FETCH 1 (FLAGS|a BAD FETCH: Expected ')' at the end",
        "a FETCH 1 BODY.FOO|a BAD FETCH: Unknown data item BODY.FOO",
        "a FETCH 1 BODY.PEEK|a BAD FETCH: BODY.PEEK needs a section",
        "a FETCH 1 BODY[MIME]|a BAD FETCH: MIME needs a part number",
        "a FETCH 1 BODY[HEADERS]|a BAD FETCH: Unknown section HEADERS",
        "a FETCH 1 BODY[0]|a BAD FETCH: part number must be a positive number without leading zeros",
        "a FETCH 1 BODY[01]|a BAD FETCH: part number must be a positive number without leading zeros",
        "a FETCH 1 BODY[1.]|a BAD FETCH: Invalid section at ']'",
        "a FETCH 1 BODY[1|a BAD FETCH: Expected ']' at the end",
        "a FETCH 1 BODY[HEADER.FIELDS]|a BAD FETCH: Expected a space before ']'",
        "a FETCH 1 BODY[HEADER.FIELDS ()]|a BAD FETCH: Expected header field name at ')]'",
        "a FETCH 1 BODY[TEXT] FLAGS|a BAD FETCH: Expected '(' before 'FLAGS'",
        "a FETCH 1 FLAGS[]|a BAD FETCH: FLAGS takes no section",
        "a FETCH 0 FLAGS|a BAD FETCH: Invalid sequence set (0 is not a valid sequence number)",
        "a FETCH 1:* FLAGS BODY|a BAD FETCH: Expected '(' before 'BODY'",
        "a FETCH FLAGS|a BAD FETCH: Expected sequence set at 'FLAGS'",
        "a UID FETCH 1,,2 FLAGS|a BAD UID FETCH: Invalid UID set (Empty element in sequence set)",
    })
    void mistakesGetPreciseTexts(String line, String response) {
        assertThat(refusal(line)).isEqualTo(response);
    }
}
