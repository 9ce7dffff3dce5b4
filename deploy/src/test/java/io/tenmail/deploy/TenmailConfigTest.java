package io.tenmail.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenmailConfigTest {

    @TempDir
    Path dataDir;

    private void configFile(String content) throws Exception {
        Files.createDirectories(dataDir.resolve("conf"));
        Files.writeString(dataDir.resolve("conf/tenmail.properties"), content);
    }

    private String smtpPort(Map<String, String> environment, Map<String, String> systemProperties) {
        return TenmailConfig.load(dataDir, environment, systemProperties).getValue("tenmail.smtp.port", String.class);
    }

    @Test
    void theFileSetsAValue() throws Exception {
        configFile("tenmail.smtp.port=2525\n");
        assertThat(smtpPort(Map.of(), Map.of())).isEqualTo("2525");
    }

    @Test
    void anEnvironmentVariableOverridesTheFile() throws Exception {
        configFile("tenmail.smtp.port=2525\n");
        assertThat(smtpPort(Map.of("TENMAIL_SMTP_PORT", "2526"), Map.of())).isEqualTo("2526");
    }

    @Test
    void aSystemPropertyOverridesTheEnvironmentAndTheFile() throws Exception {
        configFile("tenmail.smtp.port=2525\n");
        assertThat(smtpPort(Map.of("TENMAIL_SMTP_PORT", "2526"), Map.of("tenmail.smtp.port", "2527"))).isEqualTo("2527");
    }

    @Test
    void keysWithHyphensMapToEnvironmentVariablesWithUnderscores() {
        var config = TenmailConfig.load(dataDir, Map.of("TENMAIL_DB_POOL_SIZE", "4"), Map.of());
        assertThat(config.getValue("tenmail.db.pool-size", Integer.class)).isEqualTo(4);
    }

    @Test
    void aMissingFileIsNoError() {
        assertThat(TenmailConfig.load(dataDir, Map.of(), Map.of()).getOptionalValue("tenmail.smtp.port", String.class)).isEmpty();
    }

    @Test
    void theDataDirectoryComesFromASystemPropertyThenTheEnvironmentThenTheDefault() {
        assertThat(TenmailConfig.dataDir(Map.of("TENMAIL_DATA_DIR", "/srv/env"), Map.of("tenmail.data.dir", "/srv/prop")))
                .isEqualTo(Path.of("/srv/prop"));
        assertThat(TenmailConfig.dataDir(Map.of("TENMAIL_DATA_DIR", "/srv/env"), Map.of())).isEqualTo(Path.of("/srv/env"));
        assertThat(TenmailConfig.dataDir(Map.of(), Map.of())).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void theFileCannotMoveTheDataDirectoryItLivesIn() throws Exception {
        configFile("tenmail.data.dir=/somewhere/else\n");
        assertThat(TenmailConfig.load(dataDir, Map.of(), Map.of()).getValue("tenmail.data.dir", String.class))
                .isEqualTo(dataDir.toString());
    }
}
