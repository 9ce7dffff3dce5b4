package io.tenmail.storage.mime;

import io.tenmail.storage.model.ParsedMessage;
import io.tenmail.storage.model.ParsedMessage.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageParserTest {
    private final MessageParser parser = new MessageParser();

    private static final String MIXED = """
            From: Alice <alice@example.test>
            To: bob@example.test
            Subject: Report
            Date: Mon, 6 Jan 2025 10:00:00 +0100
            Message-ID: <m1@example.test>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            This is the preamble.
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=utf-8

            Hello Bob,
            see attached.
            --inner
            Content-Type: text/html; charset=utf-8

            <p>Hello Bob</p>
            --inner--
            --outer
            Content-Type: application/pdf; name=report.pdf
            Content-Disposition: attachment; filename="report.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            Epilogue.
            """;

    private static final String FORWARD = """
            From: a@example.test
            Subject: Fwd
            Content-Type: multipart/mixed; boundary=b1

            --b1
            Content-Type: text/plain

            See below.
            --b1
            Content-Type: message/rfc822
            Content-Description: forwarded message

            From: c@example.test
            To: d@example.test
            Subject: =?ISO-8859-1?Q?caf=E9?=
            Message-ID: <inner@example.test>
            Content-Type: multipart/alternative; boundary=b2

            --b2
            Content-Type: text/plain

            inner text
            --b2--
            --b1--
            """;

    private ParsedMessage parse(byte[] message) throws IOException {
        return parser.parse(new ByteArrayInputStream(message));
    }

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] lf(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String slice(byte[] message, long from, long to) {
        return new String(message, (int) from, (int) (to - from), StandardCharsets.UTF_8);
    }

    private static String body(byte[] message, Part part) {
        return slice(message, part.bodyStart(), part.end());
    }

    private static String header(byte[] message, Part part) {
        return slice(message, part.headerStart(), part.bodyStart());
    }

    @Test
    void messageWithoutMimeHeadersIsOneTextPlainPart() throws IOException {
        byte[] m = crlf("From: a@example.test\nSubject: Hi\n\nHello\nWorld\n");
        ParsedMessage p = parse(m);
        Part root = p.root();
        assertThat(p.subject()).isEqualTo("Hi");
        assertThat(p.from()).isEqualTo("a@example.test");
        assertThat(p.to()).isNull();
        assertThat(root.type()).isEqualTo("text");
        assertThat(root.subtype()).isEqualTo("plain");
        assertThat(root.parameters()).containsExactly(Map.entry("charset", "us-ascii"));
        assertThat(root.encoding()).isEqualTo("7bit");
        assertThat(root.headerStart()).isZero();
        assertThat(header(m, root)).isEqualTo("From: a@example.test\r\nSubject: Hi\r\n\r\n");
        assertThat(body(m, root)).isEqualTo("Hello\r\nWorld\r\n");
        assertThat(root.end()).isEqualTo(m.length);
        assertThat(root.lines()).isEqualTo(2);
        assertThat(root.parts()).isEmpty();
    }

    @Test
    void messageStartingWithAnEmptyLineHasNoHeader() throws IOException {
        byte[] m = crlf("\nbody only\n");
        ParsedMessage p = parse(m);
        assertThat(p.subject()).isNull();
        assertThat(p.root().bodyStart()).isEqualTo(2);
        assertThat(body(m, p.root())).isEqualTo("body only\r\n");
        assertThat(p.root().lines()).isEqualTo(1);
    }

    @Test
    void messageWithoutEmptyLineIsAllHeader() throws IOException {
        byte[] m = crlf("Subject: no body\nX-Other: yes");
        ParsedMessage p = parse(m);
        assertThat(p.subject()).isEqualTo("no body");
        assertThat(p.root().bodyStart()).isEqualTo(m.length);
        assertThat(p.root().end()).isEqualTo(m.length);
        assertThat(p.root().lines()).isZero();
    }

    @Test
    void emptyInputIsAnEmptyMessage() throws IOException {
        ParsedMessage p = parse(new byte[0]);
        assertThat(p.root().end()).isZero();
        assertThat(p.root().type()).isEqualTo("text");
    }

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = {"CRLF", "LF"})
    void nestedAlternativeInsideMixedHasExactOffsets(String lineEnds) throws IOException {
        byte[] m = lineEnds.equals("CRLF") ? crlf(MIXED) : lf(MIXED);
        String nl = lineEnds.equals("CRLF") ? "\r\n" : "\n";
        ParsedMessage p = parse(m);
        assertThat(p.subject()).isEqualTo("Report");
        assertThat(p.from()).isEqualTo("Alice <alice@example.test>");
        assertThat(p.messageId()).isEqualTo("<m1@example.test>");
        assertThat(p.date()).isEqualTo("Mon, 6 Jan 2025 10:00:00 +0100");

        Part root = p.root();
        assertThat(root.type() + "/" + root.subtype()).isEqualTo("multipart/mixed");
        assertThat(root.parameters()).containsEntry("boundary", "outer");
        assertThat(root.end()).isEqualTo(m.length);
        assertThat(body(m, root)).startsWith("This is the preamble." + nl).endsWith("--outer--" + nl + "Epilogue." + nl);
        assertThat(root.parts()).hasSize(2);

        Part alternative = root.parts().get(0);
        assertThat(alternative.subtype()).isEqualTo("alternative");
        assertThat(header(m, alternative)).isEqualTo("Content-Type: multipart/alternative; boundary=inner" + nl + nl);
        assertThat(body(m, alternative)).startsWith("--inner" + nl).endsWith("<p>Hello Bob</p>" + nl + "--inner--");
        assertThat(alternative.parts()).hasSize(2);

        Part plain = alternative.parts().get(0);
        assertThat(plain.type() + "/" + plain.subtype()).isEqualTo("text/plain");
        assertThat(plain.parameters()).containsExactly(Map.entry("charset", "utf-8"));
        assertThat(header(m, plain)).isEqualTo("Content-Type: text/plain; charset=utf-8" + nl + nl);
        assertThat(body(m, plain)).isEqualTo("Hello Bob," + nl + "see attached.");
        assertThat(plain.lines()).isEqualTo(2);

        Part html = alternative.parts().get(1);
        assertThat(html.subtype()).isEqualTo("html");
        assertThat(body(m, html)).isEqualTo("<p>Hello Bob</p>");
        assertThat(html.lines()).isEqualTo(1);

        Part pdf = root.parts().get(1);
        assertThat(pdf.type() + "/" + pdf.subtype()).isEqualTo("application/pdf");
        assertThat(pdf.parameters()).containsEntry("name", "report.pdf");
        assertThat(pdf.encoding()).isEqualTo("base64");
        assertThat(pdf.disposition()).isEqualTo("attachment");
        assertThat(pdf.dispositionParameters()).containsExactly(Map.entry("filename", "report.pdf"));
        assertThat(body(m, pdf)).isEqualTo("JVBERi0xLjQK");
        assertThat(pdf.parts()).isEmpty();
    }

    @Test
    void lfOnlyAndCrlfMessagesHaveTheSameStructure() throws IOException {
        ParsedMessage a = parse(crlf(MIXED));
        ParsedMessage b = parse(lf(MIXED));
        assertThat(shape(a.root())).isEqualTo(shape(b.root()));
    }

    private static String shape(Part part) {
        StringBuilder s = new StringBuilder(part.type() + "/" + part.subtype() + ":" + part.lines() + "(");
        for (Part child : part.parts()) s.append(shape(child)).append(' ');
        return s.append(')').toString();
    }

    @Test
    void attachedMessageHasItsOwnEnvelopeAndStructure() throws IOException {
        byte[] m = crlf(FORWARD);
        ParsedMessage p = parse(m);
        Part attached = p.root().parts().get(1);
        assertThat(attached.type() + "/" + attached.subtype()).isEqualTo("message/rfc822");
        assertThat(attached.description()).isEqualTo("forwarded message");
        assertThat(attached.message()).isNotNull();
        assertThat(attached.message().subject()).isEqualTo("=?ISO-8859-1?Q?caf=E9?=");
        assertThat(attached.message().from()).isEqualTo("c@example.test");
        assertThat(attached.message().messageId()).isEqualTo("<inner@example.test>");
        assertThat(attached.message().root()).isNull();
        assertThat(body(m, attached)).startsWith("From: c@example.test\r\n").endsWith("inner text\r\n--b2--");
        assertThat(attached.lines()).isEqualTo(11);

        assertThat(attached.parts()).hasSize(1);
        Part inner = attached.parts().get(0);
        assertThat(inner.headerStart()).isEqualTo(attached.bodyStart());
        assertThat(inner.end()).isEqualTo(attached.end());
        assertThat(inner.subtype()).isEqualTo("alternative");
        assertThat(inner.parts()).hasSize(1);
        assertThat(body(m, inner.parts().get(0))).isEqualTo("inner text");
        assertThat(body(m, p.root().parts().get(0))).isEqualTo("See below.");
    }

    @Test
    void missingFinalBoundaryEndsTheLastPartAtTheEndOfTheMessage() throws IOException {
        byte[] m = crlf("""
                Content-Type: multipart/mixed; boundary=x

                --x
                Content-Type: text/plain

                first
                --x
                Content-Type: text/plain

                second, truncated
                """);
        ParsedMessage p = parse(m);
        assertThat(p.root().parts()).hasSize(2);
        Part second = p.root().parts().get(1);
        assertThat(body(m, second)).isEqualTo("second, truncated\r\n");
        assertThat(second.end()).isEqualTo(m.length);
        assertThat(second.lines()).isEqualTo(1);
        assertThat(body(m, p.root().parts().get(0))).isEqualTo("first");
    }

    @Test
    void outerBoundaryEndsAnInnerMultipartThatWasNeverClosed() throws IOException {
        byte[] m = crlf("""
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain

                unclosed
                --outer
                Content-Type: text/plain

                after
                --outer--
                """);
        ParsedMessage p = parse(m);
        assertThat(p.root().parts()).hasSize(2);
        Part alternative = p.root().parts().get(0);
        assertThat(alternative.parts()).hasSize(1);
        assertThat(body(m, alternative.parts().get(0))).isEqualTo("unclosed");
        assertThat(body(m, p.root().parts().get(1))).isEqualTo("after");
    }

    @Test
    void encodedWordSubjectIsKeptRawAndUnfolded() throws IOException {
        byte[] m = crlf("Subject: =?UTF-8?B?SGVsbG8gV29ybGQ=?=\n =?UTF-8?Q?_again?=\nTo: a@example.test,\n\tb@example.test\n\nx\n");
        ParsedMessage p = parse(m);
        assertThat(p.subject()).isEqualTo("=?UTF-8?B?SGVsbG8gV29ybGQ=?= =?UTF-8?Q?_again?=");
        assertThat(p.to()).isEqualTo("a@example.test,\tb@example.test");
    }

    @Test
    void utf8HeadersAreReadAsUtf8() throws IOException {
        byte[] m = "Subject: Grüße aus Zürich €\r\nFrom: Jörg <jörg@example.test>\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8);
        ParsedMessage p = parse(m);
        assertThat(p.subject()).isEqualTo("Grüße aus Zürich €");
        assertThat(p.from()).isEqualTo("Jörg <jörg@example.test>");
    }

    @Test
    void eightBitHeadersThatAreNotUtf8AreReadAsLatin1() throws IOException {
        byte[] m = "Subject: caf\u00e9 cr\u00e8me\r\n\r\nx\r\n".getBytes(StandardCharsets.ISO_8859_1);
        ParsedMessage p = parse(m);
        assertThat(p.subject()).isEqualTo("café crème");
    }

    @Test
    void rfc2231ParametersAreDecoded() throws IOException {
        byte[] m = crlf("""
                Content-Type: multipart/mixed; boundary=z

                --z
                Content-Type: application/octet-stream;
                 name*0*=utf-8''%E2%82%AC%20rates;
                 name*1=" 2026.txt"
                Content-Disposition: attachment;
                 filename*=iso-8859-1'de'Gr%FC%DFe.txt; size=12
                Content-Language: de-CH, en
                Content-Location: http://example.test/
                 files/rates.txt
                Content-ID: <part1@example.test>
                Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==

                data
                --z--
                """);
        Part part = parse(m).root().parts().get(0);
        assertThat(part.parameters()).containsExactly(Map.entry("name", "€ rates 2026.txt"));
        assertThat(part.disposition()).isEqualTo("attachment");
        assertThat(part.dispositionParameters()).containsEntry("filename", "Grüße.txt").containsEntry("size", "12");
        assertThat(part.language()).containsExactly("de-CH", "en");
        assertThat(part.location()).isEqualTo("http://example.test/files/rates.txt");
        assertThat(part.id()).isEqualTo("<part1@example.test>");
        assertThat(part.md5()).isEqualTo("Q2hlY2sgSW50ZWdyaXR5IQ==");
    }

    @Test
    void transportPaddingAfterADelimiterIsAllowedButAnotherBoundaryIsNotMistakenForIt() throws IOException {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=ab\n\n--ab  \t\nContent-Type: text/plain\n\none\n--abc\nstill one\n--ab--\n");
        Part root = parse(m).root();
        assertThat(root.parts()).hasSize(1);
        assertThat(body(m, root.parts().get(0))).isEqualTo("one\r\n--abc\r\nstill one");
        assertThat(root.parts().get(0).lines()).isEqualTo(3);
    }

    @Test
    void partWithoutHeaderGetsTheDefaultsAndPartWithoutBodyIsEmpty() throws IOException {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=q\n\n--q\n\nno header here\n--q\nContent-Type: text/plain\n--q--\n");
        Part root = parse(m).root();
        Part first = root.parts().get(0);
        assertThat(first.type() + "/" + first.subtype()).isEqualTo("text/plain");
        assertThat(first.parameters()).containsEntry("charset", "us-ascii");
        assertThat(header(m, first)).isEqualTo("\r\n");
        assertThat(body(m, first)).isEqualTo("no header here");
        Part second = root.parts().get(1);
        assertThat(header(m, second)).isEqualTo("Content-Type: text/plain\r\n");
        assertThat(second.end()).isEqualTo(second.bodyStart());
        assertThat(second.lines()).isZero();
    }

    @Test
    void digestPartsDefaultToMessageRfc822() throws IOException {
        byte[] m = crlf("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nfirst\n--d--\n");
        Part part = parse(m).root().parts().get(0);
        assertThat(part.type() + "/" + part.subtype()).isEqualTo("message/rfc822");
        assertThat(part.message().subject()).isEqualTo("one");
        assertThat(body(m, part.parts().get(0))).isEqualTo("first");
    }

    @Test
    void invalidContentTypesFallBackToTextPlain() throws IOException {
        for (String type : List.of("garbage", "multipart/mixed", "multipart/mixed; boundary=\"\"", "text/")) {
            Part root = parse(crlf("Content-Type: " + type + "\n\nbody\n")).root();
            assertThat(root.type() + "/" + root.subtype()).as(type).isEqualTo("text/plain");
            assertThat(root.parameters()).as(type).containsExactly(Map.entry("charset", "us-ascii"));
        }
    }

    @Test
    void encodedMessageRfc822IsNotOpened() throws IOException {
        byte[] m = crlf("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeA0KDQp4\n");
        Part root = parse(m).root();
        assertThat(root.parts()).isEmpty();
        assertThat(root.message()).isNull();
    }

    @Test
    void deepNestingIsCutOffInsteadOfOverflowingTheStack() throws IOException {
        StringBuilder s = new StringBuilder();
        int depth = 500;
        for (int i = 0; i < depth; i++) s.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        s.append("Content-Type: text/plain\n\ndeep\n");
        byte[] m = crlf(s.toString());
        ParsedMessage p = parse(m);
        int levels = 0;
        for (Part part = p.root(); !part.parts().isEmpty(); part = part.parts().get(0)) levels++;
        assertThat(levels).isEqualTo(MimeStructureParser.MAX_DEPTH);
        assertThat(p.root().end()).isEqualTo(m.length);
    }

    @Test
    void largeAttachmentIsStreamedWithExactOffsets() throws IOException {
        String head = "Content-Type: multipart/mixed; boundary=big\r\n\r\n--big\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        String tail = "\r\n--big--\r\n";
        long lines = 700_000;                  // 76 base64 characters + CRLF each: about 54 MB
        byte[] line = ("A".repeat(76) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new RepeatingStream(line, lines);
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(h),
                new SequenceInputStream(body, new ByteArrayInputStream(tail.getBytes(StandardCharsets.US_ASCII))));
        ParsedMessage p = parser.parse(in);
        Part attachment = p.root().parts().get(0);
        long total = h.length + lines * line.length + tail.length();
        assertThat(p.root().end()).isEqualTo(total);
        assertThat(attachment.bodyStart()).isEqualTo(h.length);
        // the tail's CRLF makes an empty line whose break belongs to the delimiter: the body keeps its last CRLF
        assertThat(attachment.end()).isEqualTo(h.length + lines * line.length);
        assertThat(attachment.lines()).isEqualTo(lines);
    }

    @Test
    void aHugeLineWithoutLineBreakIsCountedNotKept() throws IOException {
        long size = 20L << 20;
        InputStream in = new SequenceInputStream(new ByteArrayInputStream("Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                new RepeatingStream(new byte[]{'-'}, size));
        ParsedMessage p = parser.parse(in);
        assertThat(p.root().end()).isEqualTo(14 + size);
        assertThat(p.root().lines()).isEqualTo(1);
    }

    /** Produces {@code times} copies of {@code unit} without holding them in memory. */
    private static final class RepeatingStream extends InputStream {
        private final byte[] unit;
        private final long total;
        private long position;

        RepeatingStream(byte[] unit, long times) {
            this.unit = unit;
            this.total = unit.length * times;
        }

        @Override
        public int read() {
            return position < total ? unit[(int) (position++ % unit.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= total) return -1;
            int n = (int) Math.min(len, total - position);
            for (int i = 0; i < n; i++) b[off + i] = unit[(int) ((position + i) % unit.length)];
            position += n;
            return n;
        }
    }
}
