package io.tenmail.pop3.transport;

import io.tenmail.pop3.wire.DotStuffer;
import io.tenmail.pop3.wire.MessageContent;
import io.tenmail.pop3.wire.Reply;
import org.apache.mina.core.buffer.IoBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTransferTest {

    /** Counts reads and closes, like a blob store stream would be watched. */
    private static final class WatchedStream extends ByteArrayInputStream {
        int bytesRead;
        boolean closed;

        WatchedStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) bytesRead += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<IoBuffer> drain(MessageTransfer transfer) throws Exception {
        List<IoBuffer> chunks = new ArrayList<>();
        while (!transfer.isFinished()) chunks.add(transfer.nextChunk());
        return chunks;
    }

    private static String text(List<IoBuffer> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (IoBuffer chunk : chunks) {
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aSmallMessageIsOneWriteWithItsStatusLineAndTerminator() throws Exception {
        WatchedStream content = new WatchedStream("S: x\r\n\r\n.body\r\n".getBytes(StandardCharsets.US_ASCII));
        List<IoBuffer> chunks = drain(new MessageTransfer(new MessageContent(Reply.ok("16 octets"), content, DotStuffer.ALL_LINES)));
        assertThat(chunks).hasSize(1);
        assertThat(text(chunks)).isEqualTo("+OK 16 octets\r\nS: x\r\n\r\n..body\r\n.\r\n");
        assertThat(content.closed).isTrue();
    }

    @Test
    void aLargeMessageGoesOutInChunksOfBoundedSize() throws Exception {
        StringBuilder message = new StringBuilder("S: big\r\n\r\n");
        while (message.length() < 5 * MessageTransfer.CHUNK_OCTETS) message.append(".dot line\r\n");
        List<IoBuffer> chunks = drain(new MessageTransfer(new MessageContent(Reply.ok("big"),
                new WatchedStream(message.toString().getBytes(StandardCharsets.US_ASCII)), DotStuffer.ALL_LINES)));
        assertThat(chunks.size()).isBetween(5, 7);
        for (IoBuffer chunk : chunks) assertThat(chunk.remaining()).isLessThanOrEqualTo(2 * MessageTransfer.CHUNK_OCTETS + 64);
        String sent = text(chunks);
        assertThat(sent).startsWith("+OK big\r\nS: big\r\n\r\n..dot line\r\n").endsWith("..dot line\r\n.\r\n");
        assertThat(sent.length()).isEqualTo("+OK big\r\n".length() + message.length() + (message.length() - 10) / 11 + 3);
    }

    @Test
    void topStopsReadingTheBlobOnceItHasItsLines() throws Exception {
        StringBuilder message = new StringBuilder("S: top\r\n\r\nfirst\r\n");
        while (message.length() < 10 * MessageTransfer.CHUNK_OCTETS) message.append("more body\r\n");
        WatchedStream content = new WatchedStream(message.toString().getBytes(StandardCharsets.US_ASCII));
        List<IoBuffer> chunks = drain(new MessageTransfer(new MessageContent(Reply.ok("top"), content, 1)));
        assertThat(text(chunks)).isEqualTo("+OK top\r\nS: top\r\n\r\nfirst\r\n.\r\n");
        assertThat(content.bytesRead).isEqualTo(MessageTransfer.CHUNK_OCTETS);
        assertThat(content.closed).isTrue();
    }

    @Test
    void anEmptyMessageIsTheStatusLineAndTheTerminator() throws Exception {
        List<IoBuffer> chunks = drain(new MessageTransfer(new MessageContent(Reply.ok("0 octets"),
                new WatchedStream(new byte[0]), DotStuffer.ALL_LINES)));
        assertThat(text(chunks)).isEqualTo("+OK 0 octets\r\n.\r\n");
    }

    @Test
    void aMessageOfKnownSizeIsReadIntoABufferOfThatSizeAndSentInOneWrite() throws Exception {
        byte[] message = "S: sized\r\n\r\n.one\r\ntwo\r\n".getBytes(StandardCharsets.US_ASCII);
        WatchedStream content = new WatchedStream(message);
        List<IoBuffer> chunks = drain(new MessageTransfer(new MessageContent(Reply.ok("sized"), content, DotStuffer.ALL_LINES,
                message.length)));
        assertThat(chunks).hasSize(1);
        assertThat(text(chunks)).isEqualTo("+OK sized\r\nS: sized\r\n\r\n..one\r\ntwo\r\n.\r\n");
        assertThat(content.closed).isTrue();
    }

    @Test
    void aStoredSizeThatIsTooSmallStillSendsTheWholeMessage() throws Exception {
        StringBuilder message = new StringBuilder("S: more than stored\r\n\r\n");
        while (message.length() < 3000) message.append(".line\r\n");
        List<IoBuffer> chunks = drain(new MessageTransfer(new MessageContent(Reply.ok("x"),
                new WatchedStream(message.toString().getBytes(StandardCharsets.US_ASCII)), DotStuffer.ALL_LINES, 100)));
        assertThat(chunks.size()).isGreaterThan(1);
        String sent = text(chunks);
        assertThat(sent).startsWith("+OK x\r\nS: more than stored\r\n\r\n..line\r\n").endsWith("..line\r\n.\r\n");
        assertThat(sent.length()).isEqualTo("+OK x\r\n".length() + message.length() + (message.length() - 23) / 7 + 3);
    }
}
