package io.tenmail.protocol;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (private keys, API tokens): readable and writable by their owner only
 * (mode 0600) from the moment they exist, never world-readable even briefly, and replaced
 * atomically so that a crash leaves the old file or the new one, not half of either.
 */
public final class SecretFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {
    }

    /** Writes {@code content} to {@code file} with mode 0600, replacing an existing file. */
    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        createOwnerOnly(temp);
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether the file system has POSIX permissions (0600 checks are meaningless elsewhere). */
    public static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (supportsPosix(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                throw new IOException("cannot create " + file + ": it appeared concurrently", e);
            }
            // the umask may have removed bits from the requested mode, never added any; set it exactly
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            Files.createFile(file);
        }
    }
}
