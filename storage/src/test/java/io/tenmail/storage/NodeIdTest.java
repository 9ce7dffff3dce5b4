package io.tenmail.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeIdTest {

    @TempDir
    Path dir;

    @Test
    void aDataDirectoryKeepsItsNodeIdAcrossStarts() {
        NodeId first = NodeId.of(dir);

        assertThat(NodeId.of(dir)).isEqualTo(first);
        assertThat(dir.resolve(NodeId.FILE)).exists();
    }

    @Test
    void twoDataDirectoriesAreTwoNodes() {
        assertThat(NodeId.of(dir.resolve("one"))).isNotEqualTo(NodeId.of(dir.resolve("two")));
    }

    @Test
    void anIdWrittenByTheAdministratorIsUsedAsItIs() throws Exception {
        Files.writeString(dir.resolve(NodeId.FILE), "mx-1.example.test\n");

        assertThat(NodeId.of(dir).value()).isEqualTo("mx-1.example.test");
    }

    @Test
    void aFileWithoutAValidIdIsRefused() throws Exception {
        Files.writeString(dir.resolve(NodeId.FILE), "two words");

        assertThatThrownBy(() -> NodeId.of(dir)).isInstanceOf(IllegalArgumentException.class);
    }
}
