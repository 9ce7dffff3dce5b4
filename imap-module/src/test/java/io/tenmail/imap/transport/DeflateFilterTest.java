package io.tenmail.imap.transport;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter.NextFilter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.FilterEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/** COMPRESS=DEFLATE's filter (RFC 4978) on a dummy session: no sockets. */
class DeflateFilterTest {

    /** Records what the filter passes on. */
    private static final class Recorder implements NextFilter {
        final List<byte[]> received = new ArrayList<>();
        final List<Object> written = new ArrayList<>();

        @Override public void messageReceived(IoSession s, Object m) {
            IoBuffer b = (IoBuffer) m;
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            received.add(bytes);
        }
        @Override public void filterWrite(IoSession s, WriteRequest r) { written.add(r.getMessage()); }
        @Override public void sessionCreated(IoSession s) { }
        @Override public void sessionOpened(IoSession s) { }
        @Override public void sessionClosed(IoSession s) { }
        @Override public void sessionIdle(IoSession s, IdleStatus status) { }
        @Override public void exceptionCaught(IoSession s, Throwable cause) { }
        @Override public void inputClosed(IoSession s) { }
        @Override public void messageSent(IoSession s, WriteRequest r) { }
        @Override public void filterClose(IoSession s) { }
        @Override public void event(IoSession s, FilterEvent event) { }

        byte[] allReceived() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            received.forEach(out::writeBytes);
            return out.toByteArray();
        }
    }

    /** What a client sends: raw DEFLATE, sync-flushed. */
    private static byte[] clientDeflate(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        return out.toByteArray();
    }

    @Test
    void writesAreDeflatedAndEachCanBeInflatedAtOnce() throws Exception {
        DeflateFilter filter = new DeflateFilter(1 << 20);
        Recorder next = new Recorder();
        DummySession session = new DummySession();
        Inflater client = new Inflater(true);
        for (String response : List.of("* OK first\r\n", "a1 OK " + "x".repeat(100_000) + "\r\n")) {
            filter.filterWrite(next, session, new DefaultWriteRequest(IoBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII))));
            IoBuffer out = (IoBuffer) next.written.get(next.written.size() - 1);
            byte[] compressed = new byte[out.remaining()];
            out.get(compressed);
            client.setInput(compressed);
            byte[] inflated = new byte[response.length() + 16];
            int n = client.inflate(inflated);
            // RFC 4978 §4: after each sync flush the client has the whole response
            assertThat(new String(inflated, 0, n, StandardCharsets.US_ASCII)).isEqualTo(response);
            assertThat(client.needsInput()).isTrue();
        }
    }

    @Test
    void theTaggedOkOfCompressPassesUncompressed() throws Exception {
        DeflateFilter filter = new DeflateFilter(1 << 20);
        Recorder next = new Recorder();
        IoBuffer ok = IoBuffer.wrap("z OK DEFLATE active\r\n".getBytes(StandardCharsets.US_ASCII));
        filter.filterWrite(next, new DummySession(), new DeflateFilter.UncompressedWrite(ok));
        assertThat(next.written).containsExactly(ok);
    }

    @Test
    void inputIsInflatedInBoundedChunks() throws Exception {
        DeflateFilter filter = new DeflateFilter(1 << 20);
        Recorder next = new Recorder();
        byte[] command = ("a1 APPEND INBOX {200000+}\r\n" + "y".repeat(200_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = clientDeflate(new Deflater(Deflater.DEFAULT_COMPRESSION, true), command);
        // split the compressed stream anywhere: the inflater keeps its state between reads
        int cut = compressed.length / 3;
        filter.messageReceived(next, new DummySession(), IoBuffer.wrap(Arrays.copyOfRange(compressed, 0, cut)));
        filter.messageReceived(next, new DummySession(), IoBuffer.wrap(Arrays.copyOfRange(compressed, cut, compressed.length)));
        assertThat(next.allReceived()).isEqualTo(command);
        assertThat(next.received).allSatisfy(chunk -> assertThat(chunk.length).isLessThanOrEqualTo(DeflateFilter.CHUNK));
    }

    @Test
    void aReadThatInflatesBeyondTheLimitClosesTheSessionAndStops() throws Exception {
        int limit = 256 * 1024;
        DeflateFilter filter = new DeflateFilter(limit);
        Recorder next = new Recorder();
        DummySession session = new DummySession();
        byte[] bomb = clientDeflate(new Deflater(Deflater.BEST_COMPRESSION, true), new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(64 * 1024);   // one read's worth
        filter.messageReceived(next, session, IoBuffer.wrap(bomb));
        assertThat(next.allReceived().length).isLessThanOrEqualTo(limit);
        assertThat(session.isClosing()).isTrue();
    }

    @Test
    void garbageInputClosesTheSession() throws Exception {
        DeflateFilter filter = new DeflateFilter(1 << 20);
        Recorder next = new Recorder();
        DummySession session = new DummySession();
        filter.messageReceived(next, session, IoBuffer.wrap("a1 NOOP\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(session.isClosing()).isTrue();
        assertThat(next.received).isEmpty();
    }
}
