package io.tenmail.storage.blob;

import io.tenmail.storage.BlobStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.BlobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} on local disk. A blob lives at {@code <root>/ab/cd/<sha256-hex>}; two levels
 * of fan-out keep directories small (65,536 leaves, so even 100 million blobs are ~1,500 a
 * directory). Bytes stream through a 64 KiB buffer; no blob is ever held in memory.
 *
 * <p>{@link #put} writes to a temporary file in {@code <root>/tmp/} (same file system, so the
 * rename is atomic), fsyncs it, renames it into place and fsyncs the directory, plus the
 * directories it had to create. If the blob already exists, the temporary file is dropped and
 * the blob's modification time renewed: that time is what {@link BlobInventory} calls "stored",
 * and renewing it under the blob's lock is what keeps the {@link BlobSweeper} from deleting a
 * blob that was just handed to a new message.
 *
 * <p>One process owns a blob directory: temporary files found at start-up are the leftovers of a
 * crash and are deleted. Thread-safe. {@link #delete} of a missing blob does nothing.
 */
public final class FileBlobStore implements BlobStore, BlobInventory {
    private static final Logger log = LoggerFactory.getLogger(FileBlobStore.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int LOCK_STRIPES = 64;
    private static final Pattern HEX_NAME = Pattern.compile("[0-9a-f]{64}");
    static final String TMP_DIR = "tmp";

    private final Path root;
    private final Path tmp;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];
    /** Fan-out directories known to exist durably (their entry in the parent is fsynced). */
    private final Set<Path> durableDirs = ConcurrentHashMap.newKeySet();

    /** Opens (creating if needed) the blob store in {@code root} and removes crash leftovers. */
    public FileBlobStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public FileBlobStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath();
        this.tmp = this.root.resolve(TMP_DIR);
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
        try {
            Files.createDirectories(tmp);
            int removed = removeTemporaryFiles();
            if (removed > 0) log.info("removed {} unfinished blob writes left by an earlier crash in {}", removed, tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("blob directory " + this.root + " is not usable: " + e.getMessage(), e);
        }
        log.info("blob store ready in {}", this.root);
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws StoreException {
        Objects.requireNonNull(content, "content");
        if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(tmp, "put-", ".tmp");
            MessageDigest sha256 = sha256();
            long size = copy(content, temporary, sha256, maxBytes);
            BlobId id = new BlobId(HexFormat.of().formatHex(sha256.digest()));
            Path target = pathOf(id);
            ensureDurableDirectory(target.getParent());
            synchronized (lockOf(id)) {
                if (Files.exists(target)) {
                    // same bytes = one copy; renewing the time tells the sweeper it is in use again
                    Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
                    Files.delete(temporary);
                } else {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                }
                temporary = null;
            }
            // also when deduplicated: the rename by a concurrent put may not be durable yet
            fsyncDirectory(target.getParent());
            return new StoredBlob(id, size);
        } catch (IOException e) {
            throw new StoreException(Reason.TEMPORARY, "cannot store blob: " + e.getMessage(), e);
        } finally {
            if (temporary != null) deleteQuietly(temporary);
        }
    }

    /** Streams at most {@code maxBytes} into {@code file}, hashing on the way, and fsyncs it. */
    private long copy(InputStream content, Path file, MessageDigest sha256, long maxBytes) throws IOException, StoreException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long size = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            while (true) {
                // one byte more than allowed is enough to know the content is too big
                // (maxBytes + 1 would overflow for Long.MAX_VALUE, "no limit")
                long left = maxBytes - size;
                int want = left >= buffer.length ? buffer.length : (int) left + 1;
                int n = readContent(content, buffer, want);
                if (n < 0) break;
                size += n;
                if (size > maxBytes) throw new StoreException(Reason.TOO_BIG, "blob exceeds " + maxBytes + " bytes");
                sha256.update(buffer, 0, n);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) out.write(bytes);
            }
            out.force(true);
        }
        // the time the sweeper's grace period is measured from, written before the rename
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        return size;
    }

    private static int readContent(InputStream content, byte[] buffer, int want) throws StoreException {
        try {
            return content.read(buffer, 0, want);
        } catch (IOException e) {
            // the sender's side failed (connection lost, bad data), not the disk
            throw new StoreException(Reason.TEMPORARY, "reading the content failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(BlobId id) throws StoreException {
        return open(id, 0);
    }

    @Override
    public InputStream open(BlobId id, long offset) throws StoreException {
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative: " + offset);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(pathOf(id), StandardOpenOption.READ);
            channel.position(offset);   // past the end reads as empty
            // a buffer no larger than what there is to read: a 10 KB message read by POP3 or IMAP
            // should not cost a 64 KB allocation each time
            int buffer = (int) Math.max(1, Math.min(BUFFER_BYTES, channel.size() - offset));
            return new BufferedInputStream(Channels.newInputStream(channel), buffer);
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(Reason.TEMPORARY, "cannot read blob " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size(BlobId id) throws StoreException {
        try {
            return Files.size(pathOf(id));
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            throw new StoreException(Reason.TEMPORARY, "cannot read blob " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(BlobId id) {
        return Files.isRegularFile(pathOf(id));
    }

    @Override
    public void delete(BlobId id) throws StoreException {
        try {
            synchronized (lockOf(id)) {
                Files.deleteIfExists(pathOf(id));
            }
        } catch (IOException e) {
            throw new StoreException(Reason.TEMPORARY, "cannot delete blob " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Walks {@code ab/cd/<hex>} lazily, one directory at a time. A blob deleted while the walk
     * passes by is skipped, not an error. Listing failures surface as {@link UncheckedIOException}.
     */
    @Override
    public Stream<BlobId> storedBefore(Instant cutoff) throws StoreException {
        FileTime before = FileTime.from(cutoff);
        Stream<Path> first;
        try {
            first = Files.list(root);
        } catch (IOException e) {
            throw new StoreException(Reason.TEMPORARY, "cannot list blobs in " + root + ": " + e.getMessage(), e);
        }
        return first.filter(FileBlobStore::isFanOutDirectory)
                .flatMap(FileBlobStore::listIfPresent).filter(FileBlobStore::isFanOutDirectory)
                .flatMap(FileBlobStore::listIfPresent)
                .filter(file -> HEX_NAME.matcher(file.getFileName().toString()).matches() && storedBefore(file, before))
                .map(file -> new BlobId(file.getFileName().toString()));
    }

    private static boolean isFanOutDirectory(Path path) {
        String name = path.getFileName().toString();
        return name.length() == 2 && HexFormat.isHexDigit(name.charAt(0)) && HexFormat.isHexDigit(name.charAt(1)) && Files.isDirectory(path);
    }

    private static Stream<Path> listIfPresent(Path dir) {
        try {
            return Files.list(dir);
        } catch (NoSuchFileException e) {
            return Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean storedBefore(Path file, FileTime before) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(before) < 0;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean deleteIfStoredBefore(BlobId id, Instant cutoff) throws StoreException {
        Path path = pathOf(id);
        try {
            synchronized (lockOf(id)) {
                FileTime stored = Files.getLastModifiedTime(path);
                if (stored.compareTo(FileTime.from(cutoff)) >= 0) return false;
                Files.delete(path);
                return true;
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new StoreException(Reason.TEMPORARY, "cannot delete blob " + id + ": " + e.getMessage(), e);
        }
    }

    /** {@code <root>/ab/cd/abcd...}. */
    Path pathOf(BlobId id) {
        String hex = id.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private Object lockOf(BlobId id) {
        return locks[Integer.parseInt(id.hex().substring(0, 2), 16) % LOCK_STRIPES];
    }

    /**
     * Creates the fan-out directory and its parent if needed and makes their entries durable.
     * Every put that finds a directory not yet known durable fsyncs the parents itself, so no put
     * returns relying on another thread's pending fsync.
     */
    private void ensureDurableDirectory(Path dir) throws IOException {
        if (durableDirs.contains(dir)) return;
        Path parent = dir.getParent();
        if (!durableDirs.contains(parent)) {
            // the root's fsync only for a first-level directory not yet known durable (256 of them)
            Files.createDirectories(parent);
            fsyncDirectory(root);
            durableDirs.add(parent);
        }
        Files.createDirectories(dir);
        fsyncDirectory(parent);
        durableDirs.add(dir);
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its file systems order metadata anyway
            if (isWindows()) {
                log.debug("directory fsync not supported for {}: {}", dir, e.toString());
                return;
            }
            throw e;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    private int removeTemporaryFiles() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        return removed;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static StoreException notFound(BlobId id) {
        return new StoreException(Reason.NOT_FOUND, "no blob " + id);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the start-up clean-up removes it later; the put has already failed for a reason
            log.warn("cannot remove temporary blob file {}: {}", file, e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing a blob channel after a failed open: {}", e.toString());
        }
    }
}
