package io.tenmail.smtp.session;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The octets of one message while they arrive, before they go to the blob store in one piece:
 * in memory up to a limit, beyond it in a temporary file in the spool directory, so a connection
 * never holds more than the limit in memory however big its message. Written by the DATA or BDAT
 * reader, read once by {@link #open()}, then {@link #discard() discarded}.
 *
 * <p>Why not stream straight into the blob store: {@code BlobStore.put} pulls from an {@code
 * InputStream}, while the message arrives in pushed chunks; and the trace headers that go in
 * front of it are only known once the whole message is in (ADR 0006).
 *
 * <p>Not thread-safe: one per transaction, used by the session's executor thread.
 */
public final class MessageSpool extends OutputStream {
    private static final Logger log = LoggerFactory.getLogger(MessageSpool.class);

    private final Path dir;
    private final int memoryLimit;
    private byte[] memory = new byte[8192];
    private int memoryLength;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean discarded;

    /**
     * @param dir         where a message larger than {@code memoryLimit} is written; created if missing
     * @param memoryLimit the most octets held in memory
     */
    public MessageSpool(Path dir, int memoryLimit) {
        this.dir = Objects.requireNonNull(dir, "dir");
        if (memoryLimit < 0) throw new IllegalArgumentException("memoryLimit must not be negative");
        this.memoryLimit = memoryLimit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (discarded) throw new IOException("the spool was discarded");
        if (fileOut == null && memoryLength + len > memoryLimit) spill();
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            if (memoryLength + len > memory.length) {
                memory = Arrays.copyOf(memory, Math.min(memoryLimit, Math.max(memory.length * 2, memoryLength + len)));
            }
            System.arraycopy(b, off, memory, memoryLength, len);
            memoryLength += len;
        }
        size += len;
    }

    private void spill() throws IOException {
        Files.createDirectories(dir);
        file = Files.createTempFile(dir, "message-", ".spool");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        fileOut.write(memory, 0, memoryLength);
        memory = null;
        memoryLength = 0;
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null) fileOut.flush();
    }

    /** Octets written so far. */
    public long size() {
        return size;
    }

    /** Whether the message went to a file (for tests and logs). */
    public boolean spilled() {
        return file != null;
    }

    /** Reads the message from the start. */
    public InputStream open() throws IOException {
        if (discarded) throw new IOException("the spool was discarded");
        if (fileOut == null) return new ByteArrayInputStream(memory, 0, memoryLength);
        fileOut.flush();
        return Files.newInputStream(file);
    }

    /** Releases the memory and deletes the file; idempotent. */
    public void discard() {
        if (discarded) return;
        discarded = true;
        memory = null;
        try {
            if (fileOut != null) fileOut.close();
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException e) {
            // the file is left for the next start-up's spool cleaning; nothing else refers to it
            log.warn("cannot delete spool file {}: {}", file, e.getMessage());
        }
    }
}
