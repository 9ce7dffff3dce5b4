package io.tenmail.imap.wire.response;

import static io.tenmail.imap.wire.response.Messages.leaf;
import static io.tenmail.imap.wire.response.Messages.message;
import static io.tenmail.imap.wire.response.Messages.multipart;
import static io.tenmail.imap.wire.response.Messages.params;
import static io.tenmail.imap.wire.response.Messages.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyStructureRendererTest {

    static String bodyStructure(Part p) {
        return render(false, w -> BodyStructureRenderer.writeBodyStructure(w, p));
    }

    static String body(Part p) {
        return render(false, w -> BodyStructureRenderer.writeBody(w, p));
    }

    /** multipart/mixed: an alternative (text and HTML) and a PDF named in Chinese. */
    static Part chineseMixed() {
        Part attachment = new Part(0, 200, 200 + 40960, 0, "application", "pdf", params("name", "报告.pdf"), null, null,
                "base64", null, "attachment", params("filename", "报告.pdf"), List.of(), null, List.of(), null);
        return multipart("mixed", params("boundary", "----=_Part_0"),
                multipart("alternative", params("boundary", "alt"),
                        leaf("text", "plain", params("charset", "utf-8"), "base64", 120, 2),
                        leaf("text", "html", params("charset", "utf-8"), "quoted-printable", 900, 20)),
                attachment);
    }

    @Test
    void theRfcExampleRendersExactly() {
        // RFC 9051 §6.4.5: BODY ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)
        Part root = Messages.rfcExample().root();
        assertThat(body(root)).isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)");
        assertThat(bodyStructure(root))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92 NIL NIL NIL NIL)");
    }

    @Test
    void aNestedMultipartRendersWithExtensionData() {
        assertThat(bodyStructure(chineseMixed())).isEqualTo("("
                + "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"BASE64\" 120 2 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 900 20 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"alt\") NIL NIL NIL)"
                + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"=?UTF-8?B?5oql5ZGKLnBkZg==?=\") NIL NIL \"BASE64\" 40960 NIL "
                + "(\"ATTACHMENT\" (\"FILENAME\" \"=?UTF-8?B?5oql5ZGKLnBkZg==?=\")) NIL NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"----=_Part_0\") NIL NIL NIL)");
    }

    @Test
    void bodyLeavesOutTheExtensionData() {
        assertThat(body(chineseMixed())).isEqualTo("("
                + "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"BASE64\" 120 2)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 900 20) \"ALTERNATIVE\")"
                + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"=?UTF-8?B?5oql5ZGKLnBkZg==?=\") NIL NIL \"BASE64\" 40960)"
                + " \"MIXED\")");
    }

    @Test
    void withUtf8OnParameterValuesAreSentAsTheyAre() {
        String s = render(true, w -> BodyStructureRenderer.writeBodyStructure(w, chineseMixed()));
        assertThat(s).contains("(\"NAME\" \"报告.pdf\")").contains("(\"ATTACHMENT\" (\"FILENAME\" \"报告.pdf\"))");
    }

    @Test
    void anAttachedMessageCarriesItsEnvelopeBodyAndLines() {
        Part innerText = new Part(0, 40, 340, 10, "text", "plain", Map.of(), null, null, null, null, null, Map.of(),
                List.of(), null, List.of(), null);
        ParsedMessage inner = message("Tue, 3 Mar 2026 10:00:00 +0000", "Fwd", "a@b.test", null, null,
                "undisclosed-recipients:;", null, "x@y.test", "<p@q>", "<m@q>", innerText);
        Part attached = new Part(0, 60, 560, 12, "message", "rfc822", Map.of(), "<part2@x>", "Forwarded message", "7bit",
                "Q2hlY2sgSW50ZWdyaXR5IQ==", "inline", Map.of(), List.of("en", "zh-CN"), "http://example.test/m",
                List.of(innerText), inner);
        assertThat(bodyStructure(attached)).isEqualTo("(\"MESSAGE\" \"RFC822\" NIL \"<part2@x>\" \"Forwarded message\" \"7BIT\" 500 "
                + "(\"Tue, 3 Mar 2026 10:00:00 +0000\" \"Fwd\" ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) "
                + "((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL "
                + "((NIL NIL \"x\" \"y.test\")) \"<p@q>\" \"<m@q>\") "
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 300 10 NIL NIL NIL NIL) 12 "
                + "\"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"INLINE\" NIL) (\"en\" \"zh-CN\") \"http://example.test/m\")");
        assertThat(body(attached)).isEqualTo("(\"MESSAGE\" \"RFC822\" NIL \"<part2@x>\" \"Forwarded message\" \"7BIT\" 500 "
                + "(\"Tue, 3 Mar 2026 10:00:00 +0000\" \"Fwd\" ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) "
                + "((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL "
                + "((NIL NIL \"x\" \"y.test\")) \"<p@q>\" \"<m@q>\") "
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 300 10) 12)");
    }

    @Test
    void aSingleLanguageIsAStringAndMultipartExtensionsIncludeThem() {
        Part leafWithLang = new Part(0, 10, 20, 0, "image", "png", Map.of(), "<img1>", null, "base64", null, null, Map.of(),
                List.of("zh"), null, List.of(), null);
        assertThat(bodyStructure(leafWithLang)).isEqualTo("(\"IMAGE\" \"PNG\" NIL \"<img1>\" NIL \"BASE64\" 10 NIL NIL \"zh\" NIL)");
        Part related = new Part(0, 10, 20, 0, "multipart", "related", Map.of(), null, null, null, null, "inline",
                params("x", "y"), List.of("en"), "cid:root", List.of(leafWithLang), null);
        assertThat(bodyStructure(related)).isEqualTo("((\"IMAGE\" \"PNG\" NIL \"<img1>\" NIL \"BASE64\" 10 NIL NIL \"zh\" NIL)"
                + " \"RELATED\" NIL (\"INLINE\" (\"X\" \"y\")) \"en\" \"cid:root\")");
    }

    @Test
    void brokenStructuresStillFollowTheGrammar() {
        Part emptyMultipart = multipart("mixed", Map.of());
        assertThat(bodyStructure(emptyMultipart))
                .isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0 NIL NIL NIL NIL) \"MIXED\" NIL NIL NIL NIL)");
        Part bareMessage = new Part(0, 10, 10, 0, "message", "rfc822", null, null, null, null, null, null, null, null, null,
                null, null);
        assertThat(body(bareMessage)).isEqualTo("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 0 "
                + "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0) 0)");
        Part untyped = new Part(0, 10, 15, 1, null, null, null, null, null, "", null, null, null, null, null, null, null);
        assertThat(body(untyped)).isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1)");
    }

    @Test
    void messageGlobalIsAMessageToo() {
        Part inner = leaf("text", "plain", params("charset", "utf-8"), "8bit", 5, 1);
        Part global = new Part(0, 10, 110, 3, "message", "global", Map.of(), null, null, "8bit", null, null, Map.of(),
                List.of(), null, List.of(inner), message(null, "x", null, null, null, null, null, null, null, null, inner));
        assertThat(body(global)).startsWith("(\"MESSAGE\" \"GLOBAL\" NIL NIL NIL \"8BIT\" 100 (NIL \"x\" ").endsWith(" 3)");
    }
}
