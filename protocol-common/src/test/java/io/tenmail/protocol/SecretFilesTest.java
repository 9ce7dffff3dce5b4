package io.tenmail.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void secretFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("sub/token");
        SecretFiles.write(file, "s3cret".getBytes());
        assertThat(file).hasContent("s3cret");
        assumeTrue(SecretFiles.supportsPosix(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void writingAgainReplacesTheContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("token");
        SecretFiles.write(file, "one".getBytes());
        SecretFiles.write(file, "two".getBytes());
        assertThat(file).hasContent("two");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
