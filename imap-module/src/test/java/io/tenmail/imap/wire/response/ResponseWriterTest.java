package io.tenmail.imap.wire.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenmail.imap.wire.ResponseCode;
import io.tenmail.imap.wire.StatusResponse;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ResponseWriter w = new ResponseWriter(out);

    String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String string(String s) throws IOException {
        out.reset();
        w.untagged().string(s).end();
        String line = written();
        return line.substring(2, line.length() - 2);
    }

    @Test
    void tokensAreSeparatedBySingleSpacesAndListsHugTheirContent() throws IOException {
        w.untagged().number(12).atom("FETCH").openList().atom("FLAGS").flags(Flags.of(SystemFlag.SEEN))
                .atom("UID").number(4827313).closeList().end();
        assertThat(written()).isEqualTo("* 12 FETCH (FLAGS (\\Seen) UID 4827313)\r\n");
    }

    @Test
    void compositeTokensMayHoldSpaces() throws IOException {
        w.untagged().number(1).atom("FETCH").openList().token("BODY[HEADER.FIELDS (DATE FROM)]").literal(new byte[] {'x'})
                .closeList().end();
        assertThat(written()).isEqualTo("* 1 FETCH (BODY[HEADER.FIELDS (DATE FROM)] {1}\r\nx)\r\n");
        assertThatThrownBy(() -> new ResponseWriter(out).untagged().token(" x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseWriter(out).untagged().token("x\r\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adjacentListsHaveNoSpaceBetweenThem() throws IOException {
        w.untagged().openList().adjacent().openList().nil().closeList().adjacent().openList().nil().closeList().closeList().end();
        assertThat(written()).isEqualTo("* ((NIL)(NIL))\r\n");
    }

    @Test
    void safeStringsAreQuoted() throws IOException {
        assertThat(string("IMAP4rev1 WG mtg summary")).isEqualTo("\"IMAP4rev1 WG mtg summary\"");
        assertThat(string("")).isEqualTo("\"\"");
        assertThat(string("say \"hi\" \\o/")).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
        assertThat(string("=?UTF-8?B?5Lya6K6u?=")).isEqualTo("\"=?UTF-8?B?5Lya6K6u?=\"");
    }

    @Test
    void stringsWithLineEndsOrEightBitOrGreatLengthAreLiterals() throws IOException {
        assertThat(string("a\r\nb")).isEqualTo("{4}\r\na\r\nb");
        assertThat(string("会议")).isEqualTo("{6}\r\n会议");
        String longText = "x".repeat(ResponseWriter.MAX_QUOTED_OCTETS + 1);
        assertThat(string(longText)).isEqualTo("{1025}\r\n" + longText);
        String limit = "x".repeat(ResponseWriter.MAX_QUOTED_OCTETS);
        assertThat(string(limit)).isEqualTo("\"" + limit + "\"");
    }

    @Test
    void withUtf8OnEightBitStringsAreQuoted() throws IOException {
        w.setUtf8(true);
        assertThat(string("会议 😀")).isEqualTo("\"会议 😀\"");
        assertThat(string("a\nb")).isEqualTo("{3}\r\na\nb");
        assertThat(string("\ud800x")).isEqualTo("{2}\r\n?x");
    }

    @Test
    void nulNeverReachesTheWire() throws IOException {
        assertThat(string("a\0b")).isEqualTo("{5}\r\na\uFFFDb");
    }

    @Test
    void nstringAndAstringChooseTheirForm() throws IOException {
        w.untagged().nstring(null).nstring("x").astring("INBOX").astring("a b").astring("NIL").astring("").astring("a]b").end();
        assertThat(written()).isEqualTo("* NIL \"x\" INBOX \"a b\" \"NIL\" \"\" a]b\r\n");
    }

    @Test
    void mailboxNamesAreEncodedAndQuoted() throws IOException {
        w.untagged().atom("LIST").openList().atom("\\HasNoChildren").closeList().string("/").mailbox("已发送").end();
        w.setUtf8(true);
        w.untagged().atom("LIST").openList().closeList().string("/").mailbox("项目/2026").end();
        assertThat(written()).isEqualTo("* LIST (\\HasNoChildren) \"/\" \"&XfJT0ZAB-\"\r\n* LIST () \"/\" \"项目/2026\"\r\n");
    }

    @Test
    void literalsStreamFromAnInputStream() throws IOException {
        byte[] data = "a\0b".getBytes(StandardCharsets.ISO_8859_1);
        w.untagged().number(1).atom("FETCH").openList().atom("BINARY[1]").literal(3, new ByteArrayInputStream(data), true)
                .closeList().end();
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("* 1 FETCH (BINARY[1] ~{3}\r\na\0b)\r\n");
        out.reset();
        w.untagged().literal(new byte[] {'x'}).end();
        assertThat(written()).isEqualTo("* {1}\r\nx\r\n");
    }

    @Test
    void aShortLiteralSourceIsAnError() {
        assertThatThrownBy(() -> w.untagged().literal(10, new ByteArrayInputStream(new byte[3]), false))
                .isInstanceOf(IOException.class).hasMessageContaining("7 octets early");
    }

    @Test
    void flagListsCarrySystemFlagsExtrasAndKeywords() throws IOException {
        Flags flags = new Flags(Set.of(SystemFlag.DELETED, SystemFlag.SEEN), Set.of("$Forwarded"));
        w.untagged().atom("FLAGS").flags(flags, "\\Recent").end();
        w.untagged().atom("FLAGS").flags(Flags.NONE).end();
        assertThat(written()).isEqualTo("* FLAGS (\\Seen \\Deleted \\Recent $Forwarded)\r\n* FLAGS ()\r\n");
    }

    @Test
    void statusContinuationAndChallengeLinesAreComplete() throws IOException {
        w.status(StatusResponse.ok("a1", ResponseCode.READ_WRITE, "SELECT completed"));
        w.continuation("Ready for literal data");
        w.challenge(new byte[0]);
        w.challenge("hi".getBytes(StandardCharsets.US_ASCII));
        w.tagged("a2").atom("OK").openCode("UIDNEXT").number(4392).closeCode().text("Predicted\r\nnext UID").end();
        assertThat(written()).isEqualTo("a1 OK [READ-WRITE] SELECT completed\r\n+ Ready for literal data\r\n+ \r\n+ aGk=\r\n"
                + "a2 OK [UIDNEXT 4392] Predicted  next UID\r\n");
    }

    @Test
    void misuseIsCaught() {
        assertThatThrownBy(() -> w.atom("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(w::end).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.untagged().untagged()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ResponseWriter(out).untagged().atom("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseWriter(out).untagged().atom("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseWriter(out).untagged().number(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseWriter(out).tagged("a+")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseWriter(out).continuation("a\r\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
