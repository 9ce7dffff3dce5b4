package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenmail.smtp.wire.CommandLineDecoder.Line;
import io.tenmail.smtp.wire.CommandLineDecoder.Rejected;
import io.tenmail.smtp.wire.CommandLineDecoder.Result;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineDecoderTest {

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Decodes {@code input} fed in pieces cut at {@code cuts}; returns every result in order. */
    static List<Result> decode(byte[] input, boolean utf8, int... cuts) {
        CommandLineDecoder decoder = new CommandLineDecoder();
        decoder.setUtf8(utf8);
        List<Result> results = new ArrayList<>();
        int from = 0;
        int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
        ends[cuts.length] = input.length;
        for (int to : ends) {
            ByteBuffer piece = ByteBuffer.wrap(input, from, to - from);
            Result r;
            while ((r = decoder.decode(piece)) != null) results.add(r);
            assertThat(piece.hasRemaining()).isFalse();
            from = to;
        }
        return results;
    }

    /** All at once, split at every byte boundary and byte by byte: always the same results. */
    static List<Result> decodeEverywhere(byte[] input, boolean utf8) {
        List<Result> once = decode(input, utf8);
        for (int cut = 0; cut <= input.length; cut++) {
            assertThat(decode(input, utf8, cut)).as("split at %d", cut).isEqualTo(once);
        }
        int[] every = new int[input.length];
        for (int i = 0; i < input.length; i++) every[i] = i;
        assertThat(decode(input, utf8, every)).as("byte by byte").isEqualTo(once);
        return once;
    }

    static List<Result> decodeEverywhere(String input) {
        return decodeEverywhere(ascii(input), false);
    }

    @Test
    void crLfTerminatedLinesAreSplit() {
        assertThat(decodeEverywhere("EHLO client.example.test\r\nMAIL FROM:<a@example.test>\r\n\r\nQUIT\r\n"))
                .containsExactly(new Line("EHLO client.example.test", false), new Line("MAIL FROM:<a@example.test>", false),
                        new Line("", false), new Line("QUIT", false));
    }

    @Test
    void aBareLfEndsACommandLineAndIsReported() {
        assertThat(decodeEverywhere("NOOP\nQUIT\r\n")).containsExactly(new Line("NOOP", true), new Line("QUIT", false));
        assertThat(decodeEverywhere("\n")).containsExactly(new Line("", true));
    }

    @Test
    void aBareCrStaysInTheLineForTheParserToRefuse() {
        assertThat(decodeEverywhere("NO\rOP\r\n\r\r\n")).containsExactly(new Line("NO\rOP", false), new Line("\r", false));
    }

    @Test
    void anUnfinishedLineIsKeptForTheNextChunk() {
        CommandLineDecoder decoder = new CommandLineDecoder();
        assertThat(decoder.decode(ByteBuffer.wrap(ascii("MAIL FROM:<a@exa")))).isNull();
        assertThat(decoder.hasPartialLine()).isTrue();
        assertThat(decoder.decode(ByteBuffer.wrap(ascii("mple.test>\r")))).isNull();
        assertThat(decoder.decode(ByteBuffer.wrap(ascii("\n")))).isEqualTo(new Line("MAIL FROM:<a@example.test>", false));
        assertThat(decoder.hasPartialLine()).isFalse();
    }

    @Test
    void aLineOfExactlyTheLimitIsAcceptedAndOneOctetMoreIsTooLong() {
        String ok = "NOOP " + "x".repeat(993); // 998 + CRLF = 1000
        String tooLong = ok + "x";
        assertThat(decodeEverywhere(ok + "\r\n" + tooLong + "\r\nQUIT\r\n")).containsExactly(
                new Line(ok, false), new Rejected(Replies.LINE_TOO_LONG), new Line("QUIT", false));
        assertThat(Replies.LINE_TOO_LONG.status()).isEqualTo("500 5.5.2");
    }

    @Test
    void theLimitCountsTheTerminatorAsSent() {
        String line999 = "x".repeat(999);
        assertThat(decodeEverywhere(line999 + "\n")).containsExactly(new Line(line999, true));
        assertThat(decodeEverywhere(line999 + "\r\n")).containsExactly(new Rejected(Replies.LINE_TOO_LONG));
    }

    @Test
    void anEndlessLineIsDiscardedWithBoundedMemory() throws Exception {
        CommandLineDecoder decoder = new CommandLineDecoder();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 1600; i++) { // 100 MiB
            assertThat(decoder.decode(ByteBuffer.wrap(chunk))).isNull();
        }
        assertThat(bufferCapacity(decoder)).isLessThanOrEqualTo(CommandLineDecoder.DEFAULT_MAX_LINE_OCTETS);
        ByteBuffer rest = ByteBuffer.wrap(ascii("xx\r\nQUIT\r\n"));
        assertThat(decoder.decode(rest)).isEqualTo(new Rejected(Replies.LINE_TOO_LONG));
        assertThat(decoder.decode(rest)).isEqualTo(new Line("QUIT", false));
    }

    @Test
    void theSaslLimitAllowsLongResponses() {
        CommandLineDecoder decoder = new CommandLineDecoder();
        decoder.setMaxLineOctets(CommandLineDecoder.SASL_MAX_LINE_OCTETS);
        String response = "A".repeat(CommandLineDecoder.SASL_MAX_LINE_OCTETS - 2);
        assertThat(decoder.decode(ByteBuffer.wrap(ascii(response + "\r\n")))).isEqualTo(new Line(response, false));
        decoder.setMaxLineOctets(CommandLineDecoder.DEFAULT_MAX_LINE_OCTETS);
        assertThat(decoder.decode(ByteBuffer.wrap(ascii(response + "\r\n")))).isEqualTo(new Rejected(Replies.LINE_TOO_LONG));
        assertThat(decoder.maxLineOctets()).isEqualTo(1000);
        assertThatThrownBy(() -> decoder.setMaxLineOctets(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8IsDecodedOnlyOnceSwitchedOnEvenWhenSplitInsideACharacter() {
        byte[] line = "MAIL FROM:<\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a> SMTPUTF8\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(decodeEverywhere(line, true))
                .containsExactly(new Line("MAIL FROM:<\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a> SMTPUTF8", false));
        // without SMTPUTF8 every octet is one char, so nothing non-ASCII can pass as ASCII
        Line latin1 = (Line) decodeEverywhere(line, false).get(0);
        assertThat(latin1.text()).hasSize(line.length - 2);
        assertThat(latin1.text().chars().filter(c -> c >= 0x80).count()).isEqualTo(18);
    }

    @Test
    void malformedUtf8IsRefused() {
        byte[] bad = {'N', 'O', 'O', 'P', ' ', (byte) 0xC3, '(', '\r', '\n', 'Q', 'U', 'I', 'T', '\r', '\n'};
        assertThat(decodeEverywhere(bad, true)).containsExactly(new Rejected(Replies.INVALID_UTF8), new Line("QUIT", false));
        byte[] overlong = {(byte) 0xC0, (byte) 0xAE, '\r', '\n'};
        assertThat(decodeEverywhere(overlong, true)).containsExactly(new Rejected(Replies.INVALID_UTF8));
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\r', '\n'};
        assertThat(decodeEverywhere(surrogate, true)).containsExactly(new Rejected(Replies.INVALID_UTF8));
    }

    @Test
    void theBufferPositionStopsAfterTheDataCommandSoTheMessageIsNotReadAsCommands() {
        ByteBuffer in = ByteBuffer.wrap(ascii("MAIL FROM:<a@example.test>\r\nRCPT TO:<b@example.test>\r\nDATA\r\nSubject: x\r\n"));
        CommandLineDecoder decoder = new CommandLineDecoder();
        assertThat(decoder.decode(in)).isEqualTo(new Line("MAIL FROM:<a@example.test>", false));
        assertThat(decoder.decode(in)).isEqualTo(new Line("RCPT TO:<b@example.test>", false));
        assertThat(decoder.decode(in)).isEqualTo(new Line("DATA", false));
        assertThat(decoder.hasPartialLine()).isFalse();
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        assertThat(new String(rest, StandardCharsets.US_ASCII)).isEqualTo("Subject: x\r\n");
    }

    @Test
    void whatWasPipelinedBehindStarttlsCanBeDiscarded() {
        // RFC 3207 §4.2: nothing sent in the clear after STARTTLS may be acted on
        CommandLineDecoder decoder = new CommandLineDecoder();
        ByteBuffer in = ByteBuffer.wrap(ascii("STARTTLS\r\nRSET\r\nMAIL FR"));
        assertThat(decoder.decode(in)).isEqualTo(new Line("STARTTLS", false));
        assertThat(in.remaining()).isEqualTo(13); // the session drops these
        assertThat(decoder.decode(ByteBuffer.wrap(ascii("MAIL FR")))).isNull();
        assertThat(decoder.discardPartialLine()).isEqualTo(7);
        assertThat(decoder.hasPartialLine()).isFalse();
        assertThat(decoder.decode(ByteBuffer.wrap(ascii("EHLO x\r\n")))).isEqualTo(new Line("EHLO x", false));
    }

    @Test
    void discardingWhileInsideAnOverlongLineForgetsItToo() {
        CommandLineDecoder decoder = new CommandLineDecoder();
        decoder.decode(ByteBuffer.wrap(ascii("x".repeat(2000))));
        assertThat(decoder.hasPartialLine()).isTrue();
        decoder.discardPartialLine();
        assertThat(decoder.decode(ByteBuffer.wrap(ascii("QUIT\r\n")))).isEqualTo(new Line("QUIT", false));
    }

    private static int bufferCapacity(CommandLineDecoder decoder) throws Exception {
        Field f = CommandLineDecoder.class.getDeclaredField("buffer");
        f.setAccessible(true);
        return ((byte[]) f.get(decoder)).length;
    }
}
