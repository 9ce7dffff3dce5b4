package io.tenmail.smtp.spam;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HeaderScan} answers as jakarta.mail's InternetHeaders would, or not at all. */
class HeaderScanTest {
    private static final List<String> NAMES = List.of("From", "X-Spam-Score", "X-Spam-Status", "Authentication-Results");

    @Test
    void findsTheBodyAfterTheFirstEmptyLine() {
        byte[] m = bytes("From: a@b.test\r\nSubject: x\r\n\r\nbody\r\n\r\nmore");
        assertThat(HeaderScan.of(m, m.length)).map(HeaderScan::bodyStart).contains(m.length - "body\r\n\r\nmore".length());
    }

    @Test
    void bareLineFeedsEndLinesToo() {
        byte[] m = bytes("From: a@b.test\nSubject: x\n\nbody");
        assertThat(HeaderScan.of(m, m.length)).map(HeaderScan::bodyStart).contains(m.length - 4);
    }

    @Test
    void aCarriageReturnWithoutLineFeedMakesItUnsure() {
        byte[] m = bytes("From: a@b.test\rSubject: x\r\n\r\nbody");
        assertThat(HeaderScan.of(m, m.length)).isEmpty();
        byte[] crcrlf = bytes("From: a@b.test\r\r\n\r\nbody");
        assertThat(HeaderScan.of(crcrlf, crcrlf.length)).isEmpty();
    }

    @Test
    void aHeaderWithoutItsEmptyLineInTheOctetsGivenIsUnsure() {
        byte[] m = bytes("From: a@b.test\r\nSubject: x\r\n");
        assertThat(HeaderScan.of(m, m.length)).isEmpty();
    }

    @Test
    void aFirstLineStartingWithWhiteSpaceIsUnsure() {
        byte[] m = bytes(" From: a@b.test\r\n\r\nbody");
        assertThat(HeaderScan.of(m, m.length)).isEmpty();
    }

    @Test
    void keepsOnlyTheWantedFieldsWithTheirContinuationLines() {
        byte[] m = bytes("Received: from x\r\n\tby y\r\nFROM : Alice\r\n <a@b.test>\r\nTo: c@d.test\r\n\r\nbody");
        byte[] lines = HeaderScan.of(m, m.length).orElseThrow().linesOf(m, Set.of("from"));
        assertThat(new String(lines, StandardCharsets.US_ASCII)).isEqualTo("FROM : Alice\r\n <a@b.test>\r\n\r\n");
    }

    @Test
    void answersAsInternetHeadersOnTrickyHeaders() throws MessagingException {
        for (String header : List.of(
                "From: a@b.test\r\nFrom: c@d.test\r\n",
                "X-Spam-Score\r\n : 5\r\nFrom: a@b.test\r\n",
                "Authentication-Results: mx.test; spf=pass\r\n\tdkim=pass\r\nX-Spam-Status: No\r\n",
                "  \r\nFrom: x@y.test\r\n",
                "x-spam-score:1\r\nX-SPAM-SCORE :2\r\n",
                "Fr\u00e9m: x\r\nFrom:\r\n\r\n",
                ":no name\r\nFrom: a@b.test\n\tfolded\n",
                "\u0000From: a@b.test\r\n",
                "")) {
            assertSameAsInternetHeaders(bytes(header + "\r\nbody From: z@z.test\r\n"));
        }
    }

    @Test
    void answersAsInternetHeadersOnRandomHeaders() throws MessagingException {
        String[] pieces = {"From", "from", "X-Spam-Score", "x-spam-status", "Authentication-Results", "To", ":", ": ", " ", "\t", "\r\n",
                "\n", "\r", "a@b.test", "\u00e9", "\u0000", "\u007f", "\r\n ", "\r\n\t", "\n "};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder header = new StringBuilder();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) header.append(pieces[random.nextInt(pieces.length)]);
            assertSameAsInternetHeaders(bytes(header + "\r\n\r\nbody\r\n"));
        }
    }

    private static void assertSameAsInternetHeaders(byte[] message) throws MessagingException {
        Optional<HeaderScan> scan = HeaderScan.of(message, message.length);
        if (scan.isEmpty()) return;   // unsure: the callers parse as before
        ByteArrayInputStream whole = new ByteArrayInputStream(message);
        InternetHeaders expected = new InternetHeaders(whole);
        assertThat(scan.get().bodyStart()).as("body start of %s", printable(message)).isEqualTo(message.length - whole.available());
        for (String name : NAMES) {
            byte[] lines = scan.get().linesOf(message, Set.of(name.toLowerCase()));
            InternetHeaders actual = new InternetHeaders(new ByteArrayInputStream(lines));
            assertThat(actual.getHeader(name)).as("%s of %s", name, printable(message)).isEqualTo(expected.getHeader(name));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : message) {
            int c = b & 0xff;
            if (c == '\r') out.writeBytes("\\r".getBytes());
            else if (c == '\n') out.writeBytes("\\n".getBytes());
            else if (c < 0x20 || c >= 0x7f) out.writeBytes(String.format("\\x%02x", c).getBytes());
            else out.write(c);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
