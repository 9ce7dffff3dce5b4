package io.tenmail.smtp;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.wire.DataReader.BareLineEndings;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void theDefaultsAreTheShippedOnes() {
        SmtpSettings s = SmtpSettings.from(config(Map.of("tenmail.hostname", "mail.example.com", "tenmail.data.dir", "/var/tenmail")));
        assertThat(s.hostname()).isEqualTo("mail.example.com");
        assertThat(s.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(s.listener(ListenerRole.MX).port()).isEqualTo(25);
        assertThat(s.listener(ListenerRole.SUBMISSION).port()).isEqualTo(587);
        assertThat(s.listener(ListenerRole.SMTPS).port()).isEqualTo(465);
        assertThat(s.listener(ListenerRole.SMTPS).implicitTls()).isTrue();
        assertThat(s.maxMessageSizeBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(s.maxRecipients()).isEqualTo(500);
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.bareLineEndings()).isEqualTo(BareLineEndings.REJECT);
        assertThat(s.mxAuth()).isTrue();
        assertThat(s.postmaster().toString()).isEqualTo("postmaster@mail.example.com");
        assertThat(s.spoolDir()).isEqualTo(Path.of("/var/tenmail/spool/smtp"));
    }

    @Test
    void everyKeyIsRead() {
        SmtpSettings s = SmtpSettings.from(config(Map.ofEntries(
                Map.entry("tenmail.hostname", "MX.Example.COM."), Map.entry("tenmail.bind-address", "127.0.0.1"),
                Map.entry("tenmail.smtp.port", "2525"), Map.entry("tenmail.submission.port", "2587"), Map.entry("tenmail.smtps.port", "2465"),
                Map.entry("tenmail.smtp.max-message-size-bytes", "1048576"), Map.entry("tenmail.smtp.max-recipients", "50"),
                Map.entry("tenmail.smtp.max-connections", "200"), Map.entry("tenmail.smtp.max-connections-per-address", "5"),
                Map.entry("tenmail.smtp.idle-timeout-seconds", "60"), Map.entry("tenmail.smtp.max-bad-commands", "7"),
                Map.entry("tenmail.smtp.max-commands-per-connection", "100"), Map.entry("tenmail.smtp.max-line-octets", "2048"),
                Map.entry("tenmail.smtp.bare-line-endings", "normalize"), Map.entry("tenmail.smtp.mx-auth", "false"),
                Map.entry("tenmail.smtp.postmaster", "admin@example.com"), Map.entry("tenmail.smtp.worker-threads", "16"))));
        assertThat(s.hostname()).isEqualTo("mx.example.com");
        assertThat(s.listener(ListenerRole.MX).toString()).contains("127.0.0.1", "2525");
        assertThat(s.submissionPort()).isEqualTo(2587);
        assertThat(s.smtpsPort()).isEqualTo(2465);
        assertThat(s.maxMessageSizeBytes()).isEqualTo(1048576);
        assertThat(s.maxRecipients()).isEqualTo(50);
        assertThat(s.maxConnections()).isEqualTo(200);
        assertThat(s.maxConnectionsPerAddress()).isEqualTo(5);
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.maxBadCommands()).isEqualTo(7);
        assertThat(s.maxCommandsPerConnection()).isEqualTo(100);
        assertThat(s.maxLineOctets()).isEqualTo(2048);
        assertThat(s.bareLineEndings()).isEqualTo(BareLineEndings.NORMALIZE);
        assertThat(s.mxAuth()).isFalse();
        assertThat(s.postmaster().toString()).isEqualTo("admin@example.com");
        assertThat(s.workerThreads()).isEqualTo(16);
    }

    @Test
    void aBadValueFailsWithTheKeyAndTheValue() {
        assertThatThrownBy(() -> SmtpSettings.from(config(Map.of("tenmail.hostname", "h.test", "tenmail.smtp.max-recipients", "lots"))))
                .hasMessage("tenmail.smtp.max-recipients must be a whole number from 1 to 100000, was \"lots\"");
        assertThatThrownBy(() -> SmtpSettings.from(config(Map.of("tenmail.hostname", "h.test", "tenmail.smtp.max-line-octets", "100"))))
                .hasMessageStartingWith("tenmail.smtp.max-line-octets must be a whole number from 512");
        assertThatThrownBy(() -> SmtpSettings.from(config(Map.of("tenmail.hostname", "h.test", "tenmail.smtp.bare-line-endings", "maybe"))))
                .hasMessageStartingWith("tenmail.smtp.bare-line-endings must be reject or normalize");
        assertThatThrownBy(() -> SmtpSettings.from(config(Map.of("tenmail.hostname", "not a host"))))
                .hasMessageStartingWith("tenmail.hostname must be a DNS host name");
        assertThatThrownBy(() -> SmtpSettings.from(config(Map.of("tenmail.hostname", "h.test", "tenmail.smtp.postmaster", "nobody"))))
                .hasMessageStartingWith("tenmail.smtp.postmaster must be a mail address");
        assertThatThrownBy(() -> SmtpSettings.from(config(Map.of("tenmail.hostname", "h.test", "tenmail.smtp.mx-auth", "perhaps"))))
                .hasMessageStartingWith("tenmail.smtp.mx-auth must be true or false");
    }

    @Test
    void everyKeyIsInTheShippedConfigurationFileWithItsDefault() throws Exception {
        Path shipped = Path.of("../deploy/src/main/dist/conf/tenmail.properties");
        String text = java.nio.file.Files.readString(shipped);
        for (String line : new String[] {"#tenmail.smtp.max-message-size-bytes=52428800", "#tenmail.smtp.max-recipients=500",
                "#tenmail.smtp.max-connections=1000", "#tenmail.smtp.max-connections-per-address=50",
                "#tenmail.smtp.idle-timeout-seconds=300", "#tenmail.smtp.max-bad-commands=20",
                "#tenmail.smtp.max-commands-per-connection=10000", "#tenmail.smtp.max-line-octets=1000",
                "#tenmail.smtp.bare-line-endings=reject", "#tenmail.smtp.mx-auth=true", "#tenmail.smtp.postmaster=",
                "#tenmail.smtp.worker-threads=64"}) {
            assertThat(text).contains(line);
        }
    }
}
