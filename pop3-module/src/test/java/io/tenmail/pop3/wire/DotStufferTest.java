package io.tenmail.pop3.wire;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DotStufferTest {

    /** Encodes in chunks of {@code chunk} octets, each into a buffer of exactly the promised maximum size. */
    private static String encode(String message, long bodyLines, int chunk) {
        byte[] input = message.getBytes(StandardCharsets.ISO_8859_1);
        DotStuffer stuffer = new DotStuffer(bodyLines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < input.length; offset += chunk) {
            int length = Math.min(chunk, input.length - offset);
            ByteBuffer buffer = ByteBuffer.allocate(DotStuffer.maxEncodedLength(length));
            stuffer.encode(input, offset, length, buffer);
            out.write(buffer.array(), 0, buffer.position());
        }
        ByteBuffer end = ByteBuffer.allocate(DotStuffer.MAX_FINISH_OCTETS);
        stuffer.finish(end);
        out.write(end.array(), 0, end.position());
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String retr(String message) {
        return encode(message, DotStuffer.ALL_LINES, Integer.MAX_VALUE);
    }

    @Test
    void linesStartingWithADotGetAnotherDot() {
        String message = "Subject: dots\r\n\r\n.hidden\r\nplain . dot\r\n..two\r\n.\r\nend\r\n";
        assertThat(retr(message)).isEqualTo("Subject: dots\r\n\r\n..hidden\r\nplain . dot\r\n...two\r\n..\r\nend\r\n.\r\n");
    }

    @Test
    void aCrlfMessageIsSentAsItIsPlusTheTerminator() {
        assertThat(retr("A: 1\r\n\r\nbody\r\n")).isEqualTo("A: 1\r\n\r\nbody\r\n.\r\n");
    }

    @Test
    void bareLineEndsBecomeCrlfSoALoneLfDotCannotEndTheResponse() {
        assertThat(retr("a\nb\n")).isEqualTo("a\r\nb\r\n.\r\n");
        assertThat(retr("a\n.\nb")).isEqualTo("a\r\n..\r\nb\r\n.\r\n");
        assertThat(retr("a\rb\r")).isEqualTo("a\r\nb\r\n.\r\n");
        assertThat(retr("a\r\r\nb")).isEqualTo("a\r\n\r\nb\r\n.\r\n");
    }

    @Test
    void aLastLineWithoutLineEndGetsOneBeforeTheTerminator() {
        assertThat(retr("no newline")).isEqualTo("no newline\r\n.\r\n");
        assertThat(retr(".")).isEqualTo("..\r\n.\r\n");
    }

    @Test
    void anEmptyMessageIsJustTheTerminator() {
        assertThat(retr("")).isEqualTo(".\r\n");
    }

    @Test
    void topZeroSendsTheHeaderAndTheEmptyLineOnly() {
        String message = "From: a@b.test\r\nSubject: x\r\n\r\nline 1\r\nline 2\r\n";
        assertThat(encode(message, 0, 1000)).isEqualTo("From: a@b.test\r\nSubject: x\r\n\r\n.\r\n");
    }

    @Test
    void topCountsBodyLinesAndStuffsThem() {
        String message = "S: x\r\n\r\n.one\r\ntwo\r\nthree\r\n";
        assertThat(encode(message, 1, 1000)).isEqualTo("S: x\r\n\r\n..one\r\n.\r\n");
        assertThat(encode(message, 2, 1000)).isEqualTo("S: x\r\n\r\n..one\r\ntwo\r\n.\r\n");
        assertThat(encode(message, 99, 1000)).isEqualTo("S: x\r\n\r\n..one\r\ntwo\r\nthree\r\n.\r\n");
    }

    @Test
    void topOfAMessageWithoutBodySendsItAll() {
        assertThat(encode("S: x\r\nT: y", 0, 1000)).isEqualTo("S: x\r\nT: y\r\n.\r\n");
    }

    @Test
    void topReportsDoneSoTheReaderCanStop() {
        DotStuffer stuffer = new DotStuffer(0);
        byte[] header = "S: x\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII);
        stuffer.encode(header, 0, header.length, ByteBuffer.allocate(64));
        assertThat(stuffer.isDone()).isTrue();
    }

    @Test
    void chunkBoundariesDoNotMatter() {
        String message = "H: 1\r\n\r\n.a\r\r\n..\n.\rb\r\n.\r\n";
        for (long lines : new long[] {0, 1, 2, 3, DotStuffer.ALL_LINES}) {
            String whole = encode(message, lines, Integer.MAX_VALUE);
            for (int chunk = 1; chunk <= message.length(); chunk++) {
                assertThat(encode(message, lines, chunk)).as("lines %d, chunk %d", lines, chunk).isEqualTo(whole);
            }
        }
    }

    @Test
    void aCrlfMessageWithDotLinesIsTheSameInEveryChunking() {
        String message = ".first\r\nH: 1\r\n\r\n.a\r\nb.\r\n..\r\n.\r\n\r\n.\r\nend";
        String whole = retr(message);
        assertThat(whole).isEqualTo("..first\r\nH: 1\r\n\r\n..a\r\nb.\r\n...\r\n..\r\n\r\n..\r\nend\r\n.\r\n");
        for (int chunk = 1; chunk <= message.length(); chunk++) {
            assertThat(encode(message, DotStuffer.ALL_LINES, chunk)).as("chunk %d", chunk).isEqualTo(whole);
        }
    }

    @Test
    void randomMessagesMatchASimpleModel() {
        Random random = new Random(1939);
        char[] alphabet = {'a', '.', '\r', '\n', ' ', ':'};
        for (int run = 0; run < 2000; run++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) chars[i] = alphabet[random.nextInt(alphabet.length)];
            String message = new String(chars);
            long lines = random.nextBoolean() ? DotStuffer.ALL_LINES : random.nextInt(4);
            int chunk = 1 + random.nextInt(8);
            assertThat(encode(message, lines, chunk)).as("%s lines %d", Arrays.toString(chars), lines).isEqualTo(model(message, lines));
        }
    }

    /** The rules of RFC 1939 §3 and §7 written the obvious way, on whole strings. */
    private static String model(String message, long bodyLines) {
        String normalized = message.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>(Arrays.asList(normalized.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        StringBuilder out = new StringBuilder();
        boolean header = true;
        long sent = 0;
        for (String line : lines) {
            if (!header && sent >= bodyLines) break;
            out.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            if (header) {
                if (line.isEmpty()) header = false;
            } else {
                sent++;
            }
            if (!header && sent >= bodyLines) break;
        }
        return out.append(".\r\n").toString();
    }
}
