package io.tenmail.pop3;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pop3SettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void defaultsAreTheIanaPortsPlaintextOnLoopbackInboxOnlyAndTenMinutes() {
        Pop3Settings settings = Pop3Settings.from(config(Map.of()));
        assertThat(settings).isEqualTo(new Pop3Settings("0.0.0.0", 110, 995, true, false, Duration.ofMinutes(10), 32));
    }

    @Test
    void everyKeyIsRead() {
        Pop3Settings settings = Pop3Settings.from(config(Map.of(
                "tenmail.bind-address", "127.0.0.1",
                "tenmail.pop3.port", "10110",
                "tenmail.pop3s.port", "10995",
                "tenmail.pop3.allow-plaintext-on-loopback", "false",
                "tenmail.pop3.include-junk", "TRUE",
                "tenmail.pop3.idle-timeout-seconds", "900",
                "tenmail.pop3.worker-threads", "8")));
        assertThat(settings).isEqualTo(new Pop3Settings("127.0.0.1", 10110, 10995, false, true, Duration.ofMinutes(15), 8));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> Pop3Settings.from(config(Map.of("tenmail.pop3.include-junk", "maybe"))))
                .hasMessage("tenmail.pop3.include-junk must be true or false, was \"maybe\"");
        assertThatThrownBy(() -> Pop3Settings.from(config(Map.of("tenmail.pop3.idle-timeout-seconds", "0"))))
                .hasMessageStartingWith("tenmail.pop3.idle-timeout-seconds must be a whole number");
        assertThatThrownBy(() -> Pop3Settings.from(config(Map.of("tenmail.pop3s.port", "99999"))))
                .hasMessageStartingWith("tenmail.pop3s.port");
        assertThatThrownBy(() -> Pop3Settings.from(config(Map.of("tenmail.pop3.port", "995"))))
                .hasMessageContaining("are both 995");
    }
}
