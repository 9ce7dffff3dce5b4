package io.tenmail.imap.session;

import io.tenmail.imap.wire.Literal;
import io.tenmail.imap.wire.LiteralSpool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Spools large literals (APPEND message data) to temporary files, so that a connection's memory
 * stays bounded whatever the message size. Runs on the connection's executor thread, never on an
 * I/O thread (STYLE.md §3). Each file is deleted when its literal is released or abandoned.
 */
public final class TempFileLiteralSpool implements LiteralSpool {
    private final Path dir;

    /** @param dir where to put the files; null for the system's temporary directory */
    public TempFileLiteralSpool(Path dir) {
        this.dir = dir;
    }

    @Override
    public Sink open(long size) throws IOException {
        Path file = dir == null ? Files.createTempFile("imap-literal-", ".tmp") : Files.createTempFile(dir, "imap-literal-", ".tmp");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        return new Sink() {
            @Override
            public void write(ByteBuffer octets) throws IOException {
                while (octets.hasRemaining()) channel.write(octets);
            }

            @Override
            public Literal.Data finish() throws IOException {
                channel.close();
                return new FileData(file, size);
            }

            @Override
            public void discard() {
                try {
                    channel.close();
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // nothing else to do: the file lives in the temporary directory
                    org.slf4j.LoggerFactory.getLogger(TempFileLiteralSpool.class).debug("cannot delete {}", file, e);
                }
            }
        };
    }

    private record FileData(Path file, long size) implements Literal.Data {
        @Override
        public InputStream openStream() throws IOException {
            return Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ));
        }

        @Override
        public void release() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
