package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenmail.smtp.wire.DataResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BdatReaderTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void exactlyTheAnnouncedOctetsAreTakenAndTheRestIsTheNextCommand() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatReader reader = new BdatReader(sink, Long.MAX_VALUE);
        reader.beginChunk(new BdatChunk(5, true));
        ByteBuffer in = ByteBuffer.wrap(bytes("helloQUIT\r\n"));
        assertThat(reader.feed(in)).isTrue();
        assertThat(in.position()).isEqualTo(5);
        assertThat(reader.isMessageComplete()).isTrue();
        assertThat(sink.toString(StandardCharsets.ISO_8859_1)).isEqualTo("hello");
        assertThat(reader.result()).isEqualTo(new DataResult(Outcome.OK, 5, false, 0, Optional.empty()));
    }

    @Test
    void chunksAreTakenVerbatimWithoutDotStuffingOrLineEndingRules() {
        // RFC 3030 §2: no transparency; "\r\n.\r\n" and bare LFs are just octets
        String chunk = "a\r\n.\r\nb\n.\n\r\u00ff";
        for (int cut = 0; cut <= chunk.length(); cut++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            BdatReader reader = new BdatReader(sink, Long.MAX_VALUE);
            reader.beginChunk(new BdatChunk(chunk.length(), true));
            byte[] in = bytes(chunk + "NEXT");
            int first = reader.feed(in, 0, cut);
            assertThat(first).isEqualTo(cut);
            int second = reader.isChunkComplete() ? 0 : reader.feed(in, cut, in.length - cut);
            assertThat(first + second).isEqualTo(chunk.length());
            assertThat(sink.toString(StandardCharsets.ISO_8859_1)).isEqualTo(chunk);
            assertThat(reader.result().eightBit()).isTrue();
            assertThat(reader.result().bareLineEndings()).isZero();
        }
    }

    @Test
    void severalChunksMakeOneMessage() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatReader reader = new BdatReader(sink, Long.MAX_VALUE);
        reader.beginChunk(new BdatChunk(3, false));
        assertThat(reader.feed(ByteBuffer.wrap(bytes("abc")))).isTrue();
        assertThat(reader.isChunkComplete()).isTrue();
        assertThat(reader.isMessageComplete()).isFalse();
        assertThat(reader.result().octets()).isEqualTo(3);
        reader.beginChunk(new BdatChunk(2, false));
        assertThat(reader.feed(ByteBuffer.wrap(bytes("d")))).isFalse();
        assertThat(reader.feed(ByteBuffer.wrap(bytes("e")))).isTrue();
        reader.beginChunk(new BdatChunk(0, true));
        assertThat(reader.isMessageComplete()).isTrue();
        assertThat(sink.toString(StandardCharsets.ISO_8859_1)).isEqualTo("abcde");
        assertThat(reader.result().octets()).isEqualTo(5);
        assertThat(reader.result().eightBit()).isFalse();
    }

    @Test
    void anEmptyLastChunkAloneIsAnEmptyMessage() {
        BdatReader reader = new BdatReader(new ByteArrayOutputStream(), 10);
        reader.beginChunk(new BdatChunk(0, true));
        assertThat(reader.isMessageComplete()).isTrue();
        assertThat(reader.result().isOk()).isTrue();
    }

    @Test
    void overTheLimitTheChunksAreStillConsumedButNotStored() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatReader reader = new BdatReader(sink, 8);
        reader.beginChunk(new BdatChunk(5, false));
        reader.feed(ByteBuffer.wrap(bytes("12345")));
        assertThat(reader.wouldExceedLimit(3)).isFalse();
        assertThat(reader.wouldExceedLimit(4)).isTrue();
        reader.beginChunk(new BdatChunk(5, true));
        ByteBuffer in = ByteBuffer.wrap(bytes("67890QUIT\r\n"));
        assertThat(reader.feed(in)).isTrue();
        assertThat(in.position()).isEqualTo(5);
        assertThat(reader.result().outcome()).isEqualTo(Outcome.TOO_BIG);
        assertThat(reader.result().octets()).isEqualTo(10);
        assertThat(sink.size()).isLessThanOrEqualTo(8);
        assertThat(reader.wouldExceedLimit(0)).isTrue();
    }

    @Test
    void aFailingSinkIsReportedAndTheChunkStillConsumed() {
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        BdatReader reader = new BdatReader(sink, Long.MAX_VALUE);
        reader.beginChunk(new BdatChunk(4, true));
        assertThat(reader.feed(bytes("abcdQUIT"), 0, 8)).isEqualTo(4);
        assertThat(reader.result().outcome()).isEqualTo(Outcome.SINK_FAILED);
        assertThat(reader.result().failure()).get().extracting(Throwable::getMessage).isEqualTo("disk full");
    }

    @Test
    void theSinkIsFlushedAfterTheLastChunkButNeverClosed() {
        DataReaderTest.CountingSink sink = new DataReaderTest.CountingSink();
        BdatReader reader = new BdatReader(sink, Long.MAX_VALUE);
        reader.beginChunk(new BdatChunk(2, false));
        reader.feed(ByteBuffer.wrap(bytes("ab")));
        assertThat(sink.flushed).isFalse();
        reader.beginChunk(new BdatChunk(1, true));
        reader.feed(ByteBuffer.allocateDirect(1).put((byte) 'c').flip());
        assertThat(sink.count).isEqualTo(3);
        assertThat(sink.flushed).isTrue();
        assertThat(sink.closed).isFalse();
    }

    @Test
    void misuseIsABug() {
        BdatReader reader = new BdatReader(new ByteArrayOutputStream(), 100);
        assertThatThrownBy(() -> reader.feed(ByteBuffer.wrap(bytes("x")))).isInstanceOf(IllegalStateException.class);
        reader.beginChunk(new BdatChunk(2, true));
        assertThatThrownBy(() -> reader.beginChunk(new BdatChunk(1, false))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(reader::result).isInstanceOf(IllegalStateException.class);
        reader.feed(bytes("xy"), 0, 2);
        assertThatThrownBy(() -> reader.beginChunk(new BdatChunk(1, false))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new BdatReader(new ByteArrayOutputStream(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BdatChunk(-1, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
