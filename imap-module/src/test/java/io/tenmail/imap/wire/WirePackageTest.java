package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md §1: wire/ is grammar only. It may use the JDK, itself and the value records of
 * storage.model; never MINA, a storage port, or the session and command layers.
 */
class WirePackageTest {

    @Test
    void wireImportsOnlyTheJdkItselfAndStorageValueRecords() throws IOException {
        Path root = Path.of("src/main/java/io/tenmail/imap/wire");
        assertThat(root).isDirectory();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(40);
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (line.startsWith("import ")) {
                    assertThat(line).as(source.toString())
                            .matches("import (static )?(java\\.|io\\.tenmail\\.imap\\.wire\\.|io\\.tenmail\\.storage\\.model\\.).*");
                }
                assertThat(line).as(source.toString()).doesNotContain("org.apache.mina").doesNotContain("org.slf4j");
            }
        }
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java/io/tenmail/imap/wire");
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                assertThat(dir.resolve("package-info.java")).as(dir.toString()).exists();
            }
        }
    }
}
