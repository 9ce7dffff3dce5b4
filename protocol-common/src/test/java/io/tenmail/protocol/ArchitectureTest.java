package io.tenmail.protocol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md §11: only {@code transport} packages import {@code org.apache.mina}. */
class ArchitectureTest {

    @Test
    void onlyTransportPackagesImportMina() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("transport"))
                    .filter(ArchitectureTest::importsMina)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean importsMina(Path file) {
        try {
            return Files.readString(file).contains("import org.apache.mina");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
