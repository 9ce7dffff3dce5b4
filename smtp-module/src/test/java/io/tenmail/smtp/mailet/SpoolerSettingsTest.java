package io.tenmail.smtp.mailet;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenmail.protocol.InvalidSettingException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolerSettingsTest {

    static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void defaultsAndTheConfigFileUnderTheDataDirectory() {
        SpoolerSettings s = SpoolerSettings.from(config(Map.of("tenmail.data.dir", "/srv/tenmail")));
        assertThat(s.threads()).isEqualTo(4);
        assertThat(s.batch()).isEqualTo(16);
        assertThat(s.lease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.maxIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.configFile()).isEqualTo(Path.of("/srv/tenmail/conf/mailetcontainer.xml"));
        assertThat(s.handOff()).isEqualTo(4096);
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> SpoolerSettings.from(config(Map.of("tenmail.spooler.threads", "0"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("tenmail.spooler.threads");
        assertThatThrownBy(() -> SpoolerSettings.from(config(Map.of("tenmail.spooler.lease-seconds", "5"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("tenmail.spooler.lease-seconds");
        assertThatThrownBy(() -> SpoolerSettings.from(config(Map.of("tenmail.spooler.hand-off-entries", "0"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("tenmail.spooler.hand-off-entries");
    }

    @Test
    void backOffAfterATemporaryFailureDoublesUpToAnHour() {
        assertThat(MailSpooler.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailSpooler.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailSpooler.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(MailSpooler.backoff(40)).isEqualTo(Duration.ofHours(1));
    }
}
