package io.tenmail.imap.wire.response;

import static io.tenmail.imap.wire.response.Messages.leaf;
import static io.tenmail.imap.wire.response.Messages.message;
import static io.tenmail.imap.wire.response.Messages.params;
import static io.tenmail.imap.wire.response.Messages.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import org.junit.jupiter.api.Test;

class EnvelopeRendererTest {

    static final Part TEXT = leaf("text", "plain", params("charset", "utf-8"), "8bit", 10, 1);

    static String envelope(ParsedMessage m) {
        return render(false, w -> EnvelopeRenderer.write(w, m));
    }

    @Test
    void theRfcExampleRendersExactly() {
        // RFC 9051 §6.4.5 / RFC 3501 §6.4.5 FETCH example
        assertThat(envelope(Messages.rfcExample())).isEqualTo("(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" "
                + "\"IMAP4rev1 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
                + "NIL NIL \"<B27397-0100000@cac.washington.edu>\")");
    }

    @Test
    void encodedWordsStayAndEightBitNamesBecomeLiterals() {
        ParsedMessage m = message(" Mon, 2 Mar 2026 09:30:00 +0800 ", "=?UTF-8?B?5Lya6K6u?=",
                "=?UTF-8?B?5byg5LiJ?= <zhangsan@example.cn>", null, "", "李四 <lisi@example.cn>", null, null,
                "<parent@example.cn>", "<abc@example.cn>", TEXT);
        String from = "((\"=?UTF-8?B?5byg5LiJ?=\" NIL \"zhangsan\" \"example.cn\"))";
        assertThat(envelope(m)).isEqualTo("(\"Mon, 2 Mar 2026 09:30:00 +0800\" \"=?UTF-8?B?5Lya6K6u?=\" "
                + from + " " + from + " " + from + " "
                + "(({6}\r\n李四 NIL \"lisi\" \"example.cn\")) NIL NIL \"<parent@example.cn>\" \"<abc@example.cn>\")");
    }

    @Test
    void withUtf8OnRawUtf8HeadersAreQuoted() {
        ParsedMessage m = message(null, "会议纪要", "张三 <zhangsan@example.cn>", null, null, null, null, null, null, null, TEXT);
        String from = "((\"张三\" NIL \"zhangsan\" \"example.cn\"))";
        assertThat(render(true, w -> EnvelopeRenderer.write(w, m)))
                .isEqualTo("(NIL \"会议纪要\" " + from + " " + from + " " + from + " NIL NIL NIL NIL NIL)");
        assertThat(envelope(m)).startsWith("(NIL {12}\r\n会议纪要 ((");
    }

    @Test
    void senderAndReplyToAreTheirOwnWhenPresent() {
        ParsedMessage m = message("d", "s", "a@x.test", "secretary@x.test", "list@x.test", "b@y.test", null, "hidden@z.test",
                null, null, TEXT);
        assertThat(envelope(m)).isEqualTo("(\"d\" \"s\" ((NIL NIL \"a\" \"x.test\")) ((NIL NIL \"secretary\" \"x.test\")) "
                + "((NIL NIL \"list\" \"x.test\")) ((NIL NIL \"b\" \"y.test\")) NIL ((NIL NIL \"hidden\" \"z.test\")) NIL NIL)");
    }

    @Test
    void groupsRenderWithTheirMarkers() {
        ParsedMessage m = message(null, null, null, null, null, "undisclosed-recipients:;",
                "Team: ann@x.test, bob@x.test;, carol@y.test", null, null, null, TEXT);
        assertThat(envelope(m)).isEqualTo("(NIL NIL NIL NIL NIL "
                + "((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) "
                + "((NIL NIL \"Team\" NIL)(NIL NIL \"ann\" \"x.test\")(NIL NIL \"bob\" \"x.test\")(NIL NIL NIL NIL)"
                + "(NIL NIL \"carol\" \"y.test\")) NIL NIL NIL)");
    }

    @Test
    void anObsoleteRouteIsTheAdl() {
        ParsedMessage m = message(null, null, "Mary <@relay.test:mary@example.net>", null, null, null, null, null, null, null, TEXT);
        assertThat(envelope(m)).contains("((\"Mary\" \"@relay.test\" \"mary\" \"example.net\"))");
    }

    @Test
    void anEmptySubjectIsAnEmptyStringNotNil() {
        ParsedMessage m = message(null, "", null, null, null, null, null, null, null, null, TEXT);
        assertThat(envelope(m)).isEqualTo("(NIL \"\" NIL NIL NIL NIL NIL NIL NIL NIL)");
    }
}
