package io.tenmail.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminTokenTest {

    @TempDir
    Path dir;

    @Test
    void theTokenIsCreatedOnceAsARandomLineReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("admin-token");
        String token = AdminToken.ensure(file);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(file).hasContent(token);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(AdminToken.ensure(file)).isEqualTo(token);
        assertThat(AdminToken.read(file)).isEqualTo(token);
    }

    @Test
    void twoServersGetDifferentTokens() throws Exception {
        assertThat(AdminToken.ensure(dir.resolve("a"))).isNotEqualTo(AdminToken.ensure(dir.resolve("b")));
    }

    @Test
    void anEmptyTokenFileIsAnErrorNotAnEmptyPassword() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-token"), "\n");
        assertThatThrownBy(() -> AdminToken.ensure(file)).isInstanceOf(IOException.class).hasMessageContaining("does not hold a token");
    }

    @Test
    void readingAMissingTokenSaysSo() {
        assertThatThrownBy(() -> AdminToken.read(dir.resolve("admin-token"))).isInstanceOf(NoSuchFileException.class);
    }
}
