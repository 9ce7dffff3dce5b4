package io.tenmail.smtp.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageSpoolTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31);
        return b;
    }

    private static long files(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void aSmallMessageStaysInMemory(@TempDir Path dir) throws IOException {
        MessageSpool spool = new MessageSpool(dir.resolve("spool"), 1000);
        spool.write(bytes(600));
        spool.write(bytes(400));
        assertThat(spool.spilled()).isFalse();
        assertThat(spool.size()).isEqualTo(1000);
        try (InputStream in = spool.open()) {
            assertThat(in.readAllBytes()).hasSize(1000);
        }
        assertThat(files(dir.resolve("spool"))).isZero();
    }

    @Test
    void aLargeMessageGoesToAFileThatDiscardDeletes(@TempDir Path dir) throws IOException {
        MessageSpool spool = new MessageSpool(dir, 1000);
        byte[] first = bytes(900);
        byte[] second = bytes(5000);
        spool.write(first);
        spool.write(second);
        assertThat(spool.spilled()).isTrue();
        byte[] expected = new byte[first.length + second.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        try (InputStream in = spool.open()) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        assertThat(files(dir)).isEqualTo(1);
        spool.discard();
        spool.discard();
        assertThat(files(dir)).isZero();
        assertThatThrownBy(spool::open).isInstanceOf(IOException.class);
    }
}
