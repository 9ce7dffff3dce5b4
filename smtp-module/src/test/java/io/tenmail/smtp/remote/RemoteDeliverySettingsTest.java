package io.tenmail.smtp.remote;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenmail.protocol.InvalidSettingException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteDeliverySettingsTest {

    private static Config config(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("tenmail.hostname", "mail.example.com");
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 100)).build();
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        RemoteDeliverySettings s = RemoteDeliverySettings.from(config(Map.of()));
        assertThat(s.heloName()).isEqualTo("mail.example.com");
        assertThat(s.routes().size()).isZero();
        assertThat(s.dnsServers()).isEmpty();
        assertThat(s.dnsTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.port()).isEqualTo(25);
        assertThat(s.mxTls()).isEqualTo(TlsPolicy.MAY);
        assertThat(s.smartHost()).isEqualTo(new SmartHost(TlsPolicy.VERIFY, false, Optional.empty()));
        assertThat(s.retrySchedule()).isEqualTo(RetrySchedule.standard());
        assertThat(s.timeouts()).isEqualTo(SmtpTimeouts.RFC_5321);
        assertThat(s.workerThreads()).isEqualTo(16);
        assertThat(s.maxRecipientsPerTransaction()).isEqualTo(100);
        assertThat(s.eightBitPolicy()).isEqualTo(MailTransaction.EightBitPolicy.SEND_AS_IS);
    }

    @Test
    void everyKeyIsRead(@TempDir Path dir) throws IOException {
        Path password = dir.resolve("relay.password");
        Files.writeString(password, "s3cret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        RemoteDeliverySettings s = RemoteDeliverySettings.from(config(Map.ofEntries(
                Map.entry("tenmail.dns.resolvers", "127.0.0.1:5353, [::1]"),
                Map.entry("tenmail.dns.timeout-seconds", "2"),
                Map.entry("tenmail.remote.routes", "example.net=10.0.0.1:2525; *=smtp.isp.example"),
                Map.entry("tenmail.remote.tls", "encrypt"),
                Map.entry("tenmail.remote.smart-host.tls", "may"),
                Map.entry("tenmail.remote.smart-host.implicit-tls", "true"),
                Map.entry("tenmail.remote.smart-host.username", "company"),
                Map.entry("tenmail.remote.smart-host.password-file", password.toString()),
                Map.entry("tenmail.remote.retry-schedule", "1m 1h"),
                Map.entry("tenmail.remote.max-age-hours", "48"),
                Map.entry("tenmail.remote.delay-notice-hours", "0"),
                Map.entry("tenmail.remote.connect-timeout-seconds", "7"),
                Map.entry("tenmail.remote.data-end-timeout-seconds", "900"),
                Map.entry("tenmail.remote.worker-threads", "4"),
                Map.entry("tenmail.remote.max-recipients-per-transaction", "50"),
                Map.entry("tenmail.remote.8bit-without-8bitmime", "bounce"))));
        assertThat(s.dnsServers()).containsExactly(new HostPort("127.0.0.1", 5353), new HostPort("::1", 53));
        assertThat(s.dnsTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.routes().routeFor("example.net").orElseThrow().hosts()).containsExactly(new HostPort("10.0.0.1", 2525));
        assertThat(s.routes().routeFor("x.test").orElseThrow().hosts()).containsExactly(new HostPort("smtp.isp.example", 465));
        assertThat(s.mxTls()).isEqualTo(TlsPolicy.ENCRYPT);
        assertThat(s.smartHost()).isEqualTo(new SmartHost(TlsPolicy.MAY, true, Optional.of(new SmtpCredentials("company", "s3cret"))));
        assertThat(s.retrySchedule().intervals()).containsExactly(Duration.ofMinutes(1), Duration.ofHours(1));
        assertThat(s.retrySchedule().maxAge()).isEqualTo(Duration.ofHours(48));
        assertThat(s.retrySchedule().delayNotice()).isEmpty();
        assertThat(s.timeouts().connect()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.timeouts().dataEnd()).isEqualTo(Duration.ofSeconds(900));
        assertThat(s.workerThreads()).isEqualTo(4);
        assertThat(s.maxRecipientsPerTransaction()).isEqualTo(50);
        assertThat(s.eightBitPolicy()).isEqualTo(MailTransaction.EightBitPolicy.BOUNCE);
        assertThat(s.smartHost().credentials().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void badValuesNameTheirKey() {
        Map<String, String> bad = Map.of(
                "tenmail.remote.routes", "example.net",
                "tenmail.remote.tls", "sometimes",
                "tenmail.remote.retry-schedule", "soon",
                "tenmail.remote.delay-notice-hours", "200",
                "tenmail.dns.resolvers", "1.2.3.4:99999",
                "tenmail.remote.8bit-without-8bitmime", "convert",
                "tenmail.remote.smart-host.username", "only-a-user");
        bad.forEach((key, value) -> assertThatThrownBy(() -> RemoteDeliverySettings.from(config(Map.of(key, value))))
                .as(key).isInstanceOf(InvalidSettingException.class).hasMessageStartingWith(key.equals("tenmail.remote.smart-host.username")
                        ? "tenmail.remote.smart-host.password-file" : key));
    }

    @Test
    void credentialsWithoutTlsAreRefused(@TempDir Path dir) throws IOException {
        Path password = dir.resolve("p");
        Files.writeString(password, "x");
        assertThatThrownBy(() -> RemoteDeliverySettings.from(config(Map.of("tenmail.remote.smart-host.tls", "may",
                "tenmail.remote.smart-host.username", "u", "tenmail.remote.smart-host.password-file", password.toString()))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("need TLS");
    }
}
