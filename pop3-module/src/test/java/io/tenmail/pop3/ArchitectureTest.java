package io.tenmail.pop3;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md §11: only {@code transport} imports MINA; nothing here imports JPA. */
class ArchitectureTest {

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheTransportPackageImportsMina() throws IOException {
        assertThat(sources()).filteredOn(p -> read(p).contains("import org.apache.mina"))
                .allMatch(p -> p.getParent().getFileName().toString().equals("transport"));
    }

    @Test
    void theGrammarAndTheSessionKnowNoStoragePorts() throws IOException {
        assertThat(sources()).filteredOn(p -> {
            String dir = p.getParent().getFileName().toString();
            return dir.equals("wire") || dir.equals("session");
        }).noneMatch(p -> read(p).matches("(?s).*import io\\.tenmail\\.storage\\.[A-Z].*"));
    }

    @Test
    void nothingImportsJpa() throws IOException {
        assertThat(sources()).noneMatch(p -> read(p).contains("import jakarta.persistence"));
    }
}
