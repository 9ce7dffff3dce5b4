package io.tenmail.smtp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md §11: only {@code transport} imports MINA; nothing here touches JPA. */
class ArchitectureTest {

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheTransportPackageImportsMina() throws IOException {
        assertThat(sources()).filteredOn(p -> !p.getParent().getFileName().toString().equals("transport"))
                .filteredOn(p -> contains(p, "import org.apache.mina")).isEmpty();
    }

    @Test
    void nothingImportsJpaOrTheStoragesImplementations() throws IOException {
        assertThat(sources()).filteredOn(p -> contains(p, "import jakarta.persistence") || contains(p, "import io.tenmail.storage.jpa")
                || contains(p, "import io.tenmail.storage.blob")).isEmpty();
    }

    @Test
    void sessionAndPolicyDoNotDependOnCommands() throws IOException {
        assertThat(sources()).filteredOn(p -> {
            String pkg = p.getParent().getFileName().toString();
            return pkg.equals("session") || pkg.equals("policy") || pkg.equals("wire");
        }).filteredOn(p -> contains(p, "import io.tenmail.smtp.command") || contains(p, "import io.tenmail.smtp.transport")).isEmpty();
    }
}
