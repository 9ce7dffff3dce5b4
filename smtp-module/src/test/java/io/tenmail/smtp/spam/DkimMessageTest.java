package io.tenmail.smtp.spam;

import org.apache.james.jdkim.impl.Message;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.io.EOLConvertingInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our streaming read of a message gives jDKIM the same fields and body octets as jDKIM's own parse. */
class DkimMessageTest {
    private static final List<String> NAMES = List.of("from", "FROM", "To", "subject", "date", "message-id", "received",
            "dkim-signature", "X-Empty", "x-8bit", "nonexistent", "Subject ", "content-type");

    static Stream<byte[]> messages() {
        String body = "Hello,\r\n\r\n  spaced   line \t\r\n\r\n\r\n";
        return Stream.of(
                utf8(TestMails.MESSAGE),
                utf8("DKIM-Signature: v=1; a=rsa-sha256; d=example.test; s=sel;\r\n\th=from:to; bh=abc=;\r\n b=def\r\n" + TestMails.MESSAGE),
                utf8("Received: from a\r\n  by b; Sun, 22 Nov 2026\r\nreceived: from c\r\nRECEIVED: from d\r\nFrom: a@example.test\r\n\r\n" + body),
                utf8("From: a@example.test\nTo: b@example.test\nSubject: bare\n line feeds\n\nbody\nline\n"),
                utf8("From: a@example.test\rSubject: bare carriage returns\r\rbody\r"),
                utf8("From: a@example.test\r\nSubject: Gr\u00fc\u00dfe aus K\u00f6ln\r\nX-8bit: \u65e5\u672c\r\n\r\n" + body),
                latin1("From: a@example.test\r\nSubject: caf\u00e9 in Latin-1\r\n\r\nbody\r\n"),
                utf8("From: a@example.test\r\nthis line has no colon\r\nTo: b@example.test\r\n\r\n" + body),
                utf8("From: a@example.test\r\nSubject: only a header\r\n"),
                utf8("From: a@example.test\r\nSubject: no final line break"),
                utf8("From: a@example.test\r\nSubject: empty body\r\n\r\n"),
                utf8(" continued: first\r\nFrom: a@example.test\r\n\r\nbody\r\n"),
                utf8("Subject : space before the colon\r\nFrom:a@example.test\r\nX-Empty:\r\n\r\nbody\r\n"),
                utf8("From: a@example.test\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\npart\r\n--b--\r\n"),
                utf8("\r\nno header at all\r\n"),
                utf8("From: a@example.test\r\n\r\nbody with a long line " + "x".repeat(20_000) + "\r\nand\rbare\nends\r\r\n"),
                utf8("From: a@example.test\r\nX-Long: " + "y".repeat(9_000) + "\r\nX-Long: " + "z".repeat(9_000) + "\r\n\r\nbody after 16 KB\r\n"),
                utf8("From: a@example.test\r\n\r\n" + "line\r\n".repeat(5_000)),
                utf8("From a@example.test Sun Nov 22 2026\r\nFrom: a@example.test\r\n\r\nmbox-style first line\r\n"),
                utf8("From: a@example.test\r\n--not a field\r\n\r\nbody\r\n"),
                utf8(""));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void theFieldsAndTheBodyAreThoseJdkimsOwnParseGives(byte[] message) throws Exception {
        Message jdkim = new Message(new ByteArrayInputStream(message));
        DkimMessage ours = DkimMessage.read(new ByteArrayInputStream(message));
        assertThat(ours.getFields()).isEqualTo(jdkim.getFields());
        for (String name : NAMES) assertThat(ours.getFields(name)).as(name).isEqualTo(jdkim.getFields(name));
        byte[] expectedBody;
        try (InputStream in = jdkim.getBodyInputStream()) {
            expectedBody = in.readAllBytes();
        }
        assertThat(ours.body().readAllBytes()).isEqualTo(expectedBody);
    }

    @Test
    void randomMessagesGiveTheFieldsAndBodyOfJdkimsOwnParse() throws Exception {
        String[] pieces = {"From", "To", "Subject", "DKIM-Signature", ":", ": ", " ", "\t", "\r\n", "\n", "\r", "a@b.test", "\u00e9", "-",
                "\r\n ", "\r\n\r\n", "\n\n", "x=y;", "--b"};
        Random random = new Random(11);
        for (int i = 0; i < 3000; i++) {
            StringBuilder message = new StringBuilder();
            int count = random.nextInt(30);
            for (int j = 0; j < count; j++) message.append(pieces[random.nextInt(pieces.length)]);
            theFieldsAndTheBodyAreThoseJdkimsOwnParseGives(utf8(message.toString()));
        }
    }

    @Test
    void lineEndsBecomeCrlfExactlyAsMime4jMakesThem() throws Exception {
        Random random = new Random(7);
        byte[] alphabet = {'\r', '\n', 'a', ' '};
        for (int i = 0; i < 2000; i++) {
            byte[] input = new byte[random.nextInt(40)];
            for (int j = 0; j < input.length; j++) input[j] = alphabet[random.nextInt(alphabet.length)];
            byte[] expected = new EOLConvertingInputStream(new ByteArrayInputStream(input)).readAllBytes();
            assertThat(new CrlfLineEnds(new ByteArrayInputStream(input)).readAllBytes()).isEqualTo(expected);
            int chunk = 1 + random.nextInt(5);
            ByteArrayOutputStream inChunks = new ByteArrayOutputStream();
            try (InputStream in = new CrlfLineEnds(new TrickleStream(input, 1 + random.nextInt(3)))) {
                byte[] b = new byte[chunk];
                for (int n; (n = in.read(b, 0, chunk)) >= 0; ) inChunks.write(b, 0, n);
            }
            assertThat(inChunks.toByteArray()).isEqualTo(expected);
        }
    }

    /** Gives at most a few octets per read, as a slow stream would. */
    private static final class TrickleStream extends ByteArrayInputStream {
        private final int most;

        TrickleStream(byte[] bytes, int most) {
            super(bytes);
            this.most = most;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, most));
        }
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aHeaderJdkimRefusesIsRefusedTheSameWay(byte[] message) {
        // jDKIM's parse throws an IOException (MimeIOException), which DkimVerify reports as a message it cannot read
        assertThatThrownBy(() -> new Message(new ByteArrayInputStream(message))).isInstanceOf(MimeIOException.class);
        assertThatThrownBy(() -> DkimMessage.read(new ByteArrayInputStream(message))).isInstanceOf(MimeIOException.class);
    }

    static Stream<byte[]> refused() {
        return Stream.of(
                utf8("From: a@example.test\r\nSubject: " + "x".repeat(10_001) + "\r\n\r\nbody\r\n"),
                utf8("From: a@example.test\r\nSubject: " + "folded\r\n ".repeat(4000) + "\r\n\r\nbody\r\n"),
                utf8("X-Many: 1\r\n".repeat(1001) + "\r\nbody\r\n"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
