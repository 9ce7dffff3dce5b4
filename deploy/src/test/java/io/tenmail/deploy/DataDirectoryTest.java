package io.tenmail.deploy;

import io.tenmail.protocol.tls.TlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void firstStartCreatesThePrivateDirectoryWithTheDefaultConfiguration() throws Exception {
        Path root = parent.resolve("data");
        DataDirectory dir = DataDirectory.prepare(root);

        assertThat(dir.configFile()).exists();
        assertThat(dir.mailetsFile()).content().contains("<processor state=\"root\">");
        assertThat(dir.logsDir()).isDirectory();
        assertThat(dir.created()).containsExactly("created data directory " + root, "wrote the default configuration to " + dir.configFile(),
                "wrote the default mail processing to " + dir.mailetsFile());
        if (Files.getFileStore(root).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        }
    }

    @Test
    void anExistingConfigurationIsNeverOverwritten() throws Exception {
        Path root = parent.resolve("data");
        DataDirectory.prepare(root);
        Files.writeString(root.resolve("conf/tenmail.properties"), "tenmail.smtp.port=2525\n");
        Files.writeString(root.resolve("conf/mailetcontainer.xml"), "<mailetcontainer/>\n");

        DataDirectory again = DataDirectory.prepare(root);

        assertThat(again.configFile()).hasContent("tenmail.smtp.port=2525");
        assertThat(again.mailetsFile()).hasContent("<mailetcontainer/>");
        assertThat(again.created()).isEmpty();
    }

    @Test
    void theShippedConfigurationShowsEveryKeyCommentedOut() throws Exception {
        DataDirectory dir = DataDirectory.prepare(parent.resolve("data"));
        List<String> lines = Files.readAllLines(dir.configFile());

        List<String> keys = new ArrayList<>(List.of(TenmailConfig.DATA_DIR_KEY, TlsSettings.KEYSTORE_KEY, TlsSettings.KEYSTORE_PASSWORD_KEY,
                TlsSettings.CERTIFICATE_KEY, TlsSettings.PRIVATE_KEY_KEY));
        for (Field field : ServerSettings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && field.get(null).toString().startsWith("tenmail.")) {
                keys.add((String) field.get(null));
            }
        }
        for (String key : keys) {
            assertThat(lines).as(key).anyMatch(line -> line.startsWith("#" + key + "="));
        }
        // nothing is set: every default lives in the code, once
        assertThat(lines).allMatch(line -> line.isBlank() || line.startsWith("#"));
    }

    @Test
    void theShippedDefaultsAreTheCodesDefaults() throws Exception {
        DataDirectory dir = DataDirectory.prepare(parent.resolve("data"));
        List<String> lines = Files.readAllLines(dir.configFile());
        ServerSettings.Ports d = ServerSettings.Ports.DEFAULTS;
        assertThat(lines).contains("#tenmail.smtp.port=" + d.smtp(), "#tenmail.submission.port=" + d.submission(),
                "#tenmail.smtps.port=" + d.smtps(), "#tenmail.imap.port=" + d.imap(), "#tenmail.imaps.port=" + d.imaps(),
                "#tenmail.pop3.port=" + d.pop3(), "#tenmail.pop3s.port=" + d.pop3s(), "#tenmail.http.port=" + d.http(),
                "#tenmail.bind-address=" + ServerSettings.DEFAULT_BIND_ADDRESS, "#tenmail.db.pool-size=16");
    }
}
