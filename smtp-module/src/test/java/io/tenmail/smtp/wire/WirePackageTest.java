package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** STYLE.md §1: wire/ is grammar only: no MINA, no storage, no other Tenmail package. */
class WirePackageTest {

    @Test
    void wireImportsNothingButTheJdk() throws IOException {
        Path dir = Path.of("src/main/java/io/tenmail/smtp/wire");
        assertThat(dir).isDirectory();
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (line.startsWith("import ")) {
                    assertThat(line).as(source.getFileName().toString()).matches("import (static )?java\\..*");
                }
                assertThat(line).as(source.getFileName().toString())
                        .doesNotContain("org.apache.mina").doesNotContain("io.tenmail.storage");
            }
        }
    }
}
