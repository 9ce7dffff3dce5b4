package io.tenmail.pop3.transport;

import io.tenmail.pop3.wire.DotStuffer;
import io.tenmail.pop3.wire.MessageContent;
import org.apache.mina.core.buffer.IoBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * One RETR or TOP response on its way out: reads the message from the blob store in
 * {@link #CHUNK_OCTETS} pieces and byte-stuffs each into a buffer of its own, the status line in
 * front of the first and the terminator behind the last (a small message is one write, one TCP
 * segment). The connection asks for the next chunk only when earlier ones have been sent, so a
 * 50 MB message costs a few chunks of memory, never the message. Runs on executor threads.
 */
final class MessageTransfer implements AutoCloseable {
    static final int CHUNK_OCTETS = 64 * 1024;

    private final InputStream content;
    private final DotStuffer stuffer;
    private byte[] statusLine;
    private final byte[] input;
    private boolean finished;

    MessageTransfer(MessageContent response) {
        this.content = response.content();
        this.stuffer = new DotStuffer(response.bodyLines());
        this.statusLine = response.status().bytes();
        // one octet more than the stored size, so that a message read whole is known to be whole
        // (end of stream) and goes out in one write; a wrong size only costs more chunks
        long stored = response.storedOctets();
        this.input = new byte[stored < 0 ? CHUNK_OCTETS : (int) Math.min(CHUNK_OCTETS, stored + 1)];
    }

    /** Whether the last chunk has been handed out. */
    boolean isFinished() {
        return finished;
    }

    /** The next chunk; after the last one {@link #isFinished()}. Reads from disk. */
    IoBuffer nextChunk() throws IOException {
        if (finished) throw new IllegalStateException("transfer is finished");
        int read = stuffer.isDone() ? 0 : content.readNBytes(input, 0, input.length);
        boolean last = stuffer.isDone() || read < input.length;
        int status = statusLine == null ? 0 : statusLine.length;
        ByteBuffer out = ByteBuffer.allocate(status + DotStuffer.maxEncodedLength(read) + DotStuffer.MAX_FINISH_OCTETS);
        if (statusLine != null) {
            out.put(statusLine);
            statusLine = null;
        }
        stuffer.encode(input, 0, read, out);
        if (last || stuffer.isDone()) {
            stuffer.finish(out);
            finished = true;
            close();
        }
        out.flip();
        return IoBuffer.wrap(out);
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
