package io.tenmail.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of one server process sharing the database with others: the mail queue records
 * which node holds each lease, so that a node starting again after a crash takes back its own
 * leases at once and leaves the other nodes' alone (ADR 0019).
 *
 * <p>Kept in {@code <data dir>/node-id} (one line), written with a random UUID the first time a
 * data directory is used, so it survives restarts and differs between data directories. Two
 * processes must never share a data directory (the blob store forbids it already).
 */
public record NodeId(String value) {
    /** The file below the data directory. */
    public static final String FILE = "node-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public NodeId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a node id has 1 to 64 letters, digits, '.', '_' or '-': " + value);
        }
    }

    /** A node id for this process only (tests, or a queue without a data directory). */
    public static NodeId random() {
        return new NodeId(UUID.randomUUID().toString());
    }

    /**
     * The node id kept in {@code dataDir}, created (durably) if the directory has none yet.
     *
     * @throws UncheckedIOException the file cannot be read or written
     * @throws IllegalArgumentException the file holds no valid id
     */
    public static NodeId of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            return create(dataDir, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static NodeId read(Path file) throws IOException {
        return new NodeId(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    private static NodeId create(Path dataDir, Path file) {
        NodeId id = random();
        try {
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
            try {
                Files.writeString(tmp, id.value() + "\n", StandardCharsets.UTF_8);
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            // a concurrent first start may have won the rename: everyone uses the file's id
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }
}
