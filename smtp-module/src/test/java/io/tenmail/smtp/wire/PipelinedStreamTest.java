package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three readers together, driven the way the session will drive them: whatever the chunk
 * boundaries, a pipelined stream of commands, DATA and BDAT is read exactly once, in order.
 */
class PipelinedStreamTest {

    static final String STREAM = "EHLO client.example.test\r\n"
            + "MAIL FROM:<a@example.test> BODY=8BITMIME\r\n"
            + "RCPT TO:<b@example.test>\r\n"
            + "DATA\r\n"
            + "Subject: one\r\n\r\n..stuffed\r\nMAIL FROM:<not-a-command@example.test>\r\n.\r\n"
            + "MAIL FROM:<c@example.test>\r\n"
            + "RCPT TO:<d@example.test>\r\n"
            + "BDAT 14\r\n"
            + "Subject: two\r\n"
            + "BDAT 11 LAST\r\n"
            + "\r\n.\r\nQUIT\r\n"
            + "RSET\r\n"
            + "QUIT\r\n";

    static final List<String> EXPECTED = List.of(
            "EHLO client.example.test", "MAIL FROM:<a@example.test> BODY=8BITMIME", "RCPT TO:<b@example.test>", "DATA",
            "message: Subject: one\r\n\r\n.stuffed\r\nMAIL FROM:<not-a-command@example.test>\r\n",
            "MAIL FROM:<c@example.test>", "RCPT TO:<d@example.test>", "BDAT 14", "chunk", "BDAT 11 LAST",
            "message: Subject: two\r\n\r\n.\r\nQUIT\r\n", "RSET", "QUIT");

    /** A miniature session: command mode, DATA mode and BDAT mode over the same buffers. */
    static final class Driver {
        final CommandLineDecoder commands = new CommandLineDecoder();
        final List<String> events = new ArrayList<>();
        DataReader data;
        BdatReader bdat;
        ByteArrayOutputStream message;

        void feed(ByteBuffer in) {
            while (in.hasRemaining()) {
                if (data != null) {
                    if (data.feed(in)) {
                        assertThat(data.result().isOk()).isTrue();
                        events.add("message: " + message.toString(StandardCharsets.ISO_8859_1));
                        data = null;
                    }
                } else if (bdat != null && !bdat.isChunkComplete()) {
                    if (bdat.feed(in)) {
                        if (bdat.isMessageComplete()) {
                            events.add("message: " + message.toString(StandardCharsets.ISO_8859_1));
                            bdat = null;
                        } else {
                            events.add("chunk");
                        }
                    }
                } else {
                    CommandLineDecoder.Result r = commands.decode(in);
                    if (r == null) return;
                    command(((CommandLineDecoder.Line) r).text());
                }
            }
        }

        private void command(String text) {
            SmtpCommandLine line;
            try {
                line = SmtpCommandLine.parse(text, EnumSet.allOf(SmtpExtension.class));
            } catch (SmtpSyntaxException e) {
                throw new AssertionError(text, e);
            }
            events.add(line.toString());
            if (line.verb() == SmtpVerb.DATA) {
                message = new ByteArrayOutputStream();
                data = new DataReader(message, 1 << 20, DataReader.BareLineEndings.REJECT);
            } else if (line.verb() == SmtpVerb.BDAT) {
                if (bdat == null) {
                    message = new ByteArrayOutputStream();
                    bdat = new BdatReader(message, 1 << 20);
                }
                bdat.beginChunk(line.bdatChunk());
            }
        }
    }

    static List<String> run(byte[] input, int... cuts) {
        Driver driver = new Driver();
        int from = 0;
        for (int cut : cuts) {
            driver.feed(ByteBuffer.wrap(input, from, cut - from));
            from = cut;
        }
        driver.feed(ByteBuffer.wrap(input, from, input.length - from));
        return driver.events;
    }

    @Test
    void allAtOnce() {
        assertThat(run(STREAM.getBytes(StandardCharsets.US_ASCII))).isEqualTo(EXPECTED);
    }

    @Test
    void splitAtEveryByteBoundary() {
        byte[] input = STREAM.getBytes(StandardCharsets.US_ASCII);
        for (int cut = 0; cut <= input.length; cut++) {
            assertThat(run(input, cut)).as("split at %d", cut).isEqualTo(EXPECTED);
        }
    }

    @Test
    void splitAtEveryPairOfByteBoundaries() {
        byte[] input = STREAM.getBytes(StandardCharsets.US_ASCII);
        for (int a = 0; a <= input.length; a += 3) {
            for (int b = a; b <= input.length; b += 7) {
                assertThat(run(input, a, b)).as("split at %d and %d", a, b).isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void byteByByte() {
        byte[] input = STREAM.getBytes(StandardCharsets.US_ASCII);
        int[] every = new int[input.length];
        for (int i = 0; i < input.length; i++) every[i] = i;
        assertThat(run(input, every)).isEqualTo(EXPECTED);
    }
}
