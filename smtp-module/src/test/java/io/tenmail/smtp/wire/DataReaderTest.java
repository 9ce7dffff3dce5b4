package io.tenmail.smtp.wire;

import static io.tenmail.smtp.wire.DataReader.BareLineEndings.NORMALIZE;
import static io.tenmail.smtp.wire.DataReader.BareLineEndings.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenmail.smtp.wire.DataReader.BareLineEndings;
import io.tenmail.smtp.wire.DataResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataReaderTest {

    static final long NO_LIMIT = Long.MAX_VALUE;

    /** What one reading produced: the stored bytes, the result and how much input was consumed. */
    record Run(String stored, DataResult result, int consumed) {}

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Feeds {@code input} in the given pieces; stops at the end of data like a session would. */
    static Run read(byte[] input, BareLineEndings policy, long max, int... cuts) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DataReader reader = new DataReader(sink, max, policy);
        int consumed = 0;
        int from = 0;
        int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
        ends[cuts.length] = input.length;
        for (int to : ends) {
            if (reader.isComplete()) break;
            int used = reader.feed(input, from, to - from);
            consumed += used;
            if (!reader.isComplete()) assertThat(used).isEqualTo(to - from);
            from = to;
        }
        return new Run(text(sink.toByteArray()), reader.isComplete() ? reader.result() : null, consumed);
    }

    /**
     * Reads all at once, then split at every byte boundary, then byte by byte, then through heap,
     * direct and read-only ByteBuffers, and asserts every way gives the same result.
     */
    static Run readEverywhere(String input, BareLineEndings policy, long max) {
        byte[] in = bytes(input);
        Run once = read(in, policy, max);
        for (int cut = 0; cut <= in.length; cut++) {
            assertThat(read(in, policy, max, cut)).as("split at %d of %s", cut, printable(input)).isEqualTo(once);
        }
        int[] every = new int[in.length];
        for (int i = 0; i < in.length; i++) every[i] = i;
        assertThat(read(in, policy, max, every)).as("byte by byte").isEqualTo(once);
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.wrap(in), direct(in), ByteBuffer.wrap(in).asReadOnlyBuffer()}) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            DataReader reader = new DataReader(sink, max, policy);
            boolean complete = reader.feed(buffer);
            assertThat(complete).isEqualTo(once.result() != null);
            assertThat(new Run(text(sink.toByteArray()), complete ? reader.result() : null, buffer.position()))
                    .as("through %s", buffer).isEqualTo(once);
        }
        return once;
    }

    static ByteBuffer direct(byte[] in) {
        ByteBuffer b = ByteBuffer.allocateDirect(in.length);
        b.put(in).flip();
        return b;
    }

    static String printable(String s) {
        return s.replace("\r", "<CR>").replace("\n", "<LF>");
    }

    @Nested
    class EndOfData {
        @Test
        void onlyCrLfDotCrLfEndsTheData() {
            String message = "Subject: hi\r\n\r\nHello\r\n";
            Run run = readEverywhere(message + ".\r\n", REJECT, NO_LIMIT);
            assertThat(run.stored()).isEqualTo(message);
            assertThat(run.result()).isEqualTo(new DataResult(Outcome.OK, message.length(), false, 0, java.util.Optional.empty()));
            assertThat(run.consumed()).isEqualTo(message.length() + 3);
        }

        @Test
        void aDotAtTheVeryStartEndsAnEmptyMessage() {
            // the CRLF of the DATA command line is the first half of the marker (RFC 5321 §4.1.1.4)
            Run run = readEverywhere(".\r\n", REJECT, NO_LIMIT);
            assertThat(run.stored()).isEmpty();
            assertThat(run.result().octets()).isZero();
            assertThat(run.consumed()).isEqualTo(3);
        }

        @Test
        void theBytesAfterTheMarkerAreLeftForTheNextCommand() {
            String input = "a\r\n.\r\nMAIL FROM:<b@example.test>\r\n";
            Run run = readEverywhere(input, REJECT, NO_LIMIT);
            assertThat(run.consumed()).isEqualTo(6);
            assertThat(input.substring(run.consumed())).isEqualTo("MAIL FROM:<b@example.test>\r\n");
            assertThat(run.stored()).isEqualTo("a\r\n");
        }

        @Test
        void theByteBufferPositionStopsAfterTheMarker() {
            ByteBuffer in = ByteBuffer.wrap(bytes("x\r\n.\r\nQUIT\r\n"));
            DataReader reader = new DataReader(new ByteArrayOutputStream(), NO_LIMIT, REJECT);
            assertThat(reader.feed(in)).isTrue();
            assertThat(text(Arrays.copyOfRange(in.array(), in.position(), in.limit()))).isEqualTo("QUIT\r\n");
        }

        @Test
        void withoutTheMarkerTheDataIsNotComplete() {
            for (String partial : new String[] {"", "abc", "abc\r\n", "abc\r\n.", "abc\r\n.\r", ".", ".\r"}) {
                Run run = readEverywhere(partial, REJECT, NO_LIMIT);
                assertThat(run.result()).as(printable(partial)).isNull();
                assertThat(run.consumed()).isEqualTo(partial.length());
            }
        }

        @Test
        void feedingAfterTheEndOrAskingBeforeItIsABug() {
            DataReader reader = new DataReader(new ByteArrayOutputStream(), NO_LIMIT, REJECT);
            assertThatThrownBy(reader::result).isInstanceOf(IllegalStateException.class);
            reader.feed(bytes(".\r\n"), 0, 3);
            assertThatThrownBy(() -> reader.feed(bytes("x"), 0, 1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class DotStuffing {
        @Test
        void aLeadingDotIsRemovedFromLinesThatHaveMore() {
            // RFC 5321 §4.5.2
            Run run = readEverywhere("..leading\r\n...\r\n.x\r\n..\r\nmid.dle.\r\n.\r\n", REJECT, NO_LIMIT);
            assertThat(run.stored()).isEqualTo(".leading\r\n..\r\nx\r\n.\r\nmid.dle.\r\n");
            assertThat(run.result().octets()).isEqualTo(run.stored().length());
        }

        @Test
        void aStuffedDotLineIsNotTheEnd() {
            Run run = readEverywhere("a\r\n..\r\nb\r\n.\r\n", REJECT, NO_LIMIT);
            assertThat(run.stored()).isEqualTo("a\r\n.\r\nb\r\n");
        }

        @Test
        void dotsAfterTheStartOfALineAreContent() {
            assertThat(readEverywhere("a.\r\n b\r\n.\r\n", REJECT, NO_LIMIT).stored()).isEqualTo("a.\r\n b\r\n");
        }
    }

    @Nested
    class Smuggling {
        /**
         * End-of-data look-alikes from the SMTP smuggling research (SEC Consult, 2023) and its
         * follow-ups; each is followed by a smuggled transaction and then the real end.
         */
        @ParameterizedTest
        @ValueSource(strings = {"\n.\n", "\n.\r\n", "\r.\r", "\r\n.\n", "\r\n.\r", "\r.\r\n", "\r.\n", "\n.\r",
                "\r\n.\r\r\n"})
        void aLookAlikeNeverEndsTheData(String lookAlike) {
            String smuggled = "MAIL FROM:<admin@bank.example>\r\nRCPT TO:<victim@example.test>\r\nDATA\r\nFrom: admin\r\n";
            String input = "Subject: hello" + lookAlike + smuggled + "\r\n.\r\nQUIT\r\n";
            for (BareLineEndings policy : BareLineEndings.values()) {
                Run run = readEverywhere(input, policy, NO_LIMIT);
                assertThat(run.result()).as("%s under %s", printable(lookAlike), policy).isNotNull();
                assertThat(input.substring(run.consumed())).isEqualTo("QUIT\r\n");
                assertThat(run.result().bareLineEndings()).isPositive();
                if (policy == REJECT) {
                    assertThat(run.result().outcome()).isEqualTo(Outcome.BARE_LINE_ENDING);
                } else {
                    assertThat(run.result().outcome()).isEqualTo(Outcome.OK);
                    assertThat(run.stored()).contains("MAIL FROM:<admin@bank.example>\r\n");
                    assertOnlyCrLfLineEndings(run.stored());
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"\r\n. \r\n", "\r\n.\t\r\n", "\r\n.\u0000\r\n", "\r\n.x\r\n"})
        void aDotWithAnythingElseOnItsLineIsContent(String lookAlike) {
            // servers that trim whitespace before comparing with "." are smuggling targets too
            String input = "a" + lookAlike + "MAIL FROM:<x@example.test>\r\n.\r\nQUIT\r\n";
            Run run = readEverywhere(input, REJECT, NO_LIMIT);
            assertThat(run.result().outcome()).isEqualTo(Outcome.OK);
            assertThat(input.substring(run.consumed())).isEqualTo("QUIT\r\n");
            assertThat(run.stored()).contains("MAIL FROM:<x@example.test>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\r\r\n.\r\n", "\n\r\n.\r\n"})
        void aRealMarkerAfterABareLineEndingStillEndsTheData(String input) {
            // the marker is all there is to see; the bare CR/LF before it is what gets refused
            Run run = readEverywhere("x" + input + "QUIT\r\n", REJECT, NO_LIMIT);
            assertThat(run.result().outcome()).isEqualTo(Outcome.BARE_LINE_ENDING);
            assertThat(("x" + input + "QUIT\r\n").substring(run.consumed())).isEqualTo("QUIT\r\n");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\n.\n", "\n.\r\n", "\r.\r", "\r\n.\n"})
        void aLookAlikeAloneLeavesTheReaderWaiting(String lookAlike) {
            assertThat(readEverywhere("x" + lookAlike, REJECT, NO_LIMIT).result()).isNull();
            assertThat(readEverywhere("x" + lookAlike + "MAIL FROM:<a@b.test>\r\n", NORMALIZE, NO_LIMIT).result()).isNull();
        }

        @Test
        void aNormalisedMessageCannotCarryALookAlikeOnward() {
            // what we store is relayed later: it must contain no bare CR or LF at all
            Run run = readEverywhere("a\n.\nb\r.\rc\r\n.\nd\r\n.\r\n", NORMALIZE, NO_LIMIT);
            assertOnlyCrLfLineEndings(run.stored());
            assertThat(run.stored()).isEqualTo("a\r\n.\r\nb\r\n.\r\nc\r\n\r\nd\r\n");
        }
    }

    @Nested
    class BareLineEndingsPolicy {
        @Test
        void underRejectABareLfIsReportedAfterTheEnd() {
            Run run = readEverywhere("a\nb\r\n.\r\nQUIT\r\n", REJECT, NO_LIMIT);
            assertThat(run.result().outcome()).isEqualTo(Outcome.BARE_LINE_ENDING);
            assertThat(run.result().bareLineEndings()).isEqualTo(1);
            assertThat(run.consumed()).isEqualTo(8);
        }

        @Test
        void underRejectNothingIsStoredOnceABareLineEndingIsSeen() {
            Run run = readEverywhere("a\rb\r\nmore\r\n.\r\n", REJECT, NO_LIMIT);
            assertThat(run.result().outcome()).isEqualTo(Outcome.BARE_LINE_ENDING);
            assertThat(run.stored()).isEmpty();
        }

        @Test
        void underNormalizeBareCrAndLfBecomeCrLf() {
            Run run = readEverywhere("a\nb\rc\r\r\nd\r\n.\r\n", NORMALIZE, NO_LIMIT);
            assertThat(run.stored()).isEqualTo("a\r\nb\r\nc\r\n\r\nd\r\n");
            assertThat(run.result().outcome()).isEqualTo(Outcome.OK);
            assertThat(run.result().bareLineEndings()).isEqualTo(3);
            assertThat(run.result().octets()).isEqualTo(run.stored().length());
        }

        @Test
        void aDotAfterABareLineEndingIsContentNotStuffing() {
            assertThat(readEverywhere("a\n..b\r\n.\r\n", NORMALIZE, NO_LIMIT).stored()).isEqualTo("a\r\n..b\r\n");
        }

        @Test
        void aDotCrNotFollowedByLfDropsTheDotAndTheCrIsBare() {
            assertThat(readEverywhere("a\r\n.\rX\r\n.\r\n", NORMALIZE, NO_LIMIT).stored()).isEqualTo("a\r\n\r\nX\r\n");
            assertThat(readEverywhere("a\r\n.\rX\r\n.\r\n", REJECT, NO_LIMIT).result().outcome())
                    .isEqualTo(Outcome.BARE_LINE_ENDING);
        }

        @Test
        void aCleanMessageReportsNoBareLineEndings() {
            assertThat(readEverywhere("a\r\nb\r\n.\r\n", REJECT, NO_LIMIT).result().bareLineEndings()).isZero();
        }
    }

    @Nested
    class SizeAndContent {
        @Test
        void aMessageOfExactlyTheLimitFits() {
            Run run = readEverywhere("1234567\r\n.\r\n", REJECT, 9);
            assertThat(run.result().outcome()).isEqualTo(Outcome.OK);
            assertThat(run.stored()).isEqualTo("1234567\r\n");
        }

        @Test
        void oneOctetMoreIsTooBigButTheDataIsStillReadToTheEnd() {
            Run run = readEverywhere("12345678\r\n.\r\nQUIT\r\n", REJECT, 9);
            assertThat(run.result().outcome()).isEqualTo(Outcome.TOO_BIG);
            assertThat(run.result().octets()).isEqualTo(10);
            assertThat(run.consumed()).isEqualTo(13);
        }

        @Test
        void theLimitCountsUnstuffedOctets() {
            assertThat(readEverywhere("..\r\n.\r\n", REJECT, 3).result().outcome()).isEqualTo(Outcome.OK);
        }

        @Test
        void tooBigWinsOverBareLineEndings() {
            assertThat(readEverywhere("a\nbcdefgh\r\n.\r\n", REJECT, 4).result().outcome()).isEqualTo(Outcome.TOO_BIG);
        }

        @Test
        void aMegabyteMessageOverA64KLimitIsTooBigAndTheSessionStaysInSync() {
            StringBuilder message = new StringBuilder();
            String line = "x".repeat(78) + "\r\n";
            while (message.length() < 1024 * 1024) message.append(line);
            byte[] input = bytes(message + ".\r\nQUIT\r\n");
            CountingSink sink = new CountingSink();
            DataReader reader = new DataReader(sink, 64 * 1024, REJECT);
            ByteBuffer in = ByteBuffer.wrap(input);
            int chunk = 4096;
            boolean done = false;
            while (!done) {
                ByteBuffer slice = in.slice();
                slice.limit(Math.min(chunk, slice.remaining()));
                done = reader.feed(slice);
                in.position(in.position() + slice.position());
            }
            assertThat(reader.result().outcome()).isEqualTo(Outcome.TOO_BIG);
            assertThat(reader.result().octets()).isEqualTo(message.length());
            assertThat(sink.count).isLessThanOrEqualTo(64 * 1024);
            CommandLineDecoder commands = new CommandLineDecoder();
            assertThat(commands.decode(in)).isEqualTo(new CommandLineDecoder.Line("QUIT", false));
            assertThat(in.hasRemaining()).isFalse();
        }

        @Test
        void theMessageStreamsToTheSinkBeforeTheEnd() {
            CountingSink sink = new CountingSink();
            DataReader reader = new DataReader(sink, NO_LIMIT, REJECT);
            byte[] line = bytes("y".repeat(998) + "\r\n");
            for (int i = 0; i < 100; i++) reader.feed(line, 0, line.length);
            assertThat(reader.isComplete()).isFalse();
            assertThat(sink.count).isGreaterThan(90_000);
            reader.feed(bytes(".\r\n"), 0, 3);
            assertThat(sink.count).isEqualTo(100_000);
            assertThat(sink.flushed).isTrue();
            assertThat(sink.closed).isFalse();
        }

        @Test
        void eightBitOctetsAreNoticed() {
            assertThat(readEverywhere("caf\u00e9\r\n.\r\n", REJECT, NO_LIMIT).result().eightBit()).isTrue();
            assertThat(readEverywhere("cafe\r\n.\r\n", REJECT, NO_LIMIT).result().eightBit()).isFalse();
            assertThat(readEverywhere("\u00ff\r\n.\r\n", REJECT, NO_LIMIT).stored()).isEqualTo("\u00ff\r\n");
        }

        @Test
        void nulAndOtherOctetsPassThroughUnchanged() {
            String all = new String(allOctetsExceptCrLf(), StandardCharsets.ISO_8859_1);
            assertThat(readEverywhere(all + "\r\n.\r\n", REJECT, NO_LIMIT).stored()).isEqualTo(all + "\r\n");
        }

        @Test
        void theLimitMustBePositive() {
            assertThatThrownBy(() -> new DataReader(new ByteArrayOutputStream(), 0, REJECT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class FailingSink {
        @ParameterizedTest
        @EnumSource(BareLineEndings.class)
        void aSinkThatFailsToWriteIsReportedAndTheDataIsStillConsumed(BareLineEndings policy) {
            IOException diskFull = new IOException("disk full");
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw diskFull;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    throw diskFull;
                }
            };
            DataReader reader = new DataReader(sink, NO_LIMIT, policy);
            byte[] input = bytes("z".repeat(20_000) + "\r\n.\r\nQUIT\r\n");
            assertThat(reader.feed(input, 0, input.length)).isEqualTo(input.length - 6);
            assertThat(reader.result().outcome()).isEqualTo(Outcome.SINK_FAILED);
            assertThat(reader.result().failure()).containsSame(diskFull);
        }

        @Test
        void aSinkThatFailsToFlushIsReported() {
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {}

                @Override
                public void flush() throws IOException {
                    throw new IOException("fsync failed");
                }
            };
            DataReader reader = new DataReader(sink, NO_LIMIT, REJECT);
            reader.feed(bytes("a\r\n.\r\n"), 0, 6);
            assertThat(reader.result().outcome()).isEqualTo(Outcome.SINK_FAILED);
        }
    }

    @Nested
    class AgainstAReferenceModel {
        /**
         * Random inputs over the octets that matter, compared with a model written the other way
         * round: find the marker, cut the content into CRLF lines, unstuff, then fix bare CR/LF.
         */
        @ParameterizedTest
        @EnumSource(BareLineEndings.class)
        void randomInputsMatchTheModel(BareLineEndings policy) {
            Random random = new Random(5321);
            char[] alphabet = {'\r', '\n', '.', 'a', '\u00e9'};
            for (int n = 0; n < 20_000; n++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(14);
                for (int i = 0; i < length; i++) s.append(alphabet[random.nextInt(alphabet.length)]);
                String input = s + "\r\n.\r\nNEXT";
                Run actual = read(bytes(input), policy, NO_LIMIT);
                Run expected = model(input, policy);
                assertThat(actual).as("input %s", printable(input)).isEqualTo(expected);
            }
        }

        @Test
        void everySplitOfTheTrickiestInputsAgrees() {
            for (String input : new String[] {"\r\r\n\n..\r.\r\n\r\n.\r\n", ".\r.\n..\r\n.\r\r\n.\r\n", "\n.\r\n.\n\r\n.\r\n"}) {
                for (BareLineEndings policy : BareLineEndings.values()) {
                    assertThat(readEverywhere(input, policy, NO_LIMIT)).isEqualTo(model(input, policy));
                }
            }
        }

        private Run model(String input, BareLineEndings policy) {
            int marker = ("\r\n" + input).indexOf("\r\n.\r\n");
            int consumed = marker + 3; // marker index in input is marker - 2, plus "\r\n.\r\n"
            String content = input.substring(0, marker); // up to and including the CRLF before "."
            StringBuilder unstuffed = new StringBuilder();
            for (String line : content.split("\r\n", -1)) {
                unstuffed.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
            String body = content.isEmpty() ? "" : unstuffed.substring(0, unstuffed.length() - 2);
            int bare = 0;
            StringBuilder fixed = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                boolean pairCr = c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n';
                boolean pairLf = c == '\n' && i > 0 && body.charAt(i - 1) == '\r';
                if (c == '\r' && !pairCr || c == '\n' && !pairLf) {
                    bare++;
                    fixed.append(policy == NORMALIZE ? "\r\n" : String.valueOf(c));
                } else {
                    fixed.append(c);
                }
            }
            String stored = fixed.toString();
            boolean eightBit = stored.indexOf('\u00e9') >= 0;
            Outcome outcome = bare > 0 && policy == REJECT ? Outcome.BARE_LINE_ENDING : Outcome.OK;
            return new Run(outcome == Outcome.OK ? stored : "",
                    new DataResult(outcome, stored.length(), eightBit, bare, java.util.Optional.empty()), consumed);
        }
    }

    static void assertOnlyCrLfLineEndings(String stored) {
        for (int i = 0; i < stored.length(); i++) {
            if (stored.charAt(i) == '\r') assertThat(stored.charAt(i + 1)).as("after CR at %d", i).isEqualTo('\n');
            if (stored.charAt(i) == '\n') assertThat(stored.charAt(i - 1)).as("before LF at %d", i).isEqualTo('\r');
        }
    }

    static byte[] allOctetsExceptCrLf() {
        byte[] all = new byte[254];
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (b != '\r' && b != '\n') all[n++] = (byte) b;
        }
        return all;
    }

    static final class CountingSink extends OutputStream {
        long count;
        boolean flushed;
        boolean closed;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
