package io.tenmail.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSettingsTest {

    @TempDir
    Path dataDir;

    private ServerSettings settings(Map<String, String> environment) {
        return ServerSettings.from(TenmailConfig.load(dataDir, environment, Map.of()), () -> "host.example.test");
    }

    private ServerSettings settings(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) properties.put(keyValues[i], keyValues[i + 1]);
        return ServerSettings.from(TenmailConfig.load(dataDir, Map.of(), properties), () -> "host.example.test");
    }

    @Test
    void everyKeyHasADefault() {
        ServerSettings s = settings();
        assertThat(s.dataDir()).isEqualTo(dataDir);
        assertThat(s.hostname()).isEqualTo("host.example.test");
        assertThat(s.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(s.httpBindAddress()).isEqualTo("0.0.0.0");
        assertThat(s.ports()).isEqualTo(new ServerSettings.Ports(25, 587, 465, 143, 993, 110, 995, 8080));
        assertThat(s.storage().jdbcUrl()).isEmpty();
        assertThat(s.storage().poolSize()).isEqualTo(16);
        assertThat(s.storage().blobDir()).isEqualTo(dataDir.resolve("blobs"));
        assertThat(s.tls().keystore()).isNull();
        assertThat(s.tls().usesPem()).isFalse();
        assertThat(s.tls().selfSignedDir()).isEqualTo(dataDir.resolve("tls"));
        assertThat(s.blobSweep()).isEqualTo(new ServerSettings.BlobSweep(Duration.ofMinutes(60), Duration.ofMinutes(60)));
    }

    @Test
    void theBlobSweepIntervalAndGraceAreMinutes() {
        ServerSettings s = settings("tenmail.blob.sweep-interval-minutes", "15", "tenmail.blob.sweep-grace-minutes", "120");
        assertThat(s.blobSweep()).isEqualTo(new ServerSettings.BlobSweep(Duration.ofMinutes(15), Duration.ofMinutes(120)));
    }

    @Test
    void aBlobSweepGraceShorterThanTenMinutesIsRefused() {
        assertThatThrownBy(() -> settings("tenmail.blob.sweep-grace-minutes", "1"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("tenmail.blob.sweep-grace-minutes must be a whole number from 10 to 43200, was \"1\"");
    }

    @Test
    void valuesAreReadAndNormalised() {
        ServerSettings s = settings("tenmail.hostname", "Mail.Example.TEST.", "tenmail.bind-address", "127.0.0.1",
                "tenmail.smtp.port", "2525", "tenmail.http.port", " 9090 ", "tenmail.db.url", "jdbc:postgresql://db/tenmail",
                "tenmail.db.pool-size", "8", "tenmail.tls.certificate", "certs/full.pem", "tenmail.tls.private-key", "/etc/key.pem");
        assertThat(s.hostname()).isEqualTo("mail.example.test");
        assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.httpBindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.ports().smtp()).isEqualTo(2525);
        assertThat(s.ports().http()).isEqualTo(9090);
        assertThat(s.storage().isPostgres()).isTrue();
        assertThat(s.storage().poolSize()).isEqualTo(8);
        assertThat(s.tls().certificate()).isEqualTo(dataDir.resolve("certs/full.pem"));
        assertThat(s.tls().privateKey()).isEqualTo(Path.of("/etc/key.pem"));
    }

    @Test
    void aBadPortNamesTheKeyTheValueAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> settings(Map.of("TENMAIL_SMTP_PORT", "25x")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("tenmail.smtp.port must be a port number from 1 to 65535, was \"25x\" (environment variable TENMAIL_SMTP_PORT)")
                .extracting(e -> ((SettingsException) e).key()).isEqualTo("tenmail.smtp.port");
    }

    @Test
    void aBadValueInTheFileNamesTheFile() throws Exception {
        Files.createDirectories(dataDir.resolve("conf"));
        Files.writeString(dataDir.resolve("conf/tenmail.properties"), "tenmail.imaps.port=99999\n");
        assertThatThrownBy(() -> settings())
                .hasMessageStartingWith("tenmail.imaps.port must be a port number from 1 to 65535, was \"99999\" (in ")
                .hasMessageEndingWith("tenmail.properties)");
    }

    @Test
    void aBadValueFromASystemPropertySaysSo() {
        assertThatThrownBy(() -> settings("tenmail.http.port", "0"))
                .hasMessage("tenmail.http.port must be a port number from 1 to 65535, was \"0\" (system property tenmail.http.port)");
    }

    @Test
    void aHostnameMustBeADnsName() {
        assertThatThrownBy(() -> settings("tenmail.hostname", "mail_server"))
                .hasMessageStartingWith("tenmail.hostname must be a DNS host name");
    }

    @Test
    void aBindAddressMustExist() {
        assertThatThrownBy(() -> settings("tenmail.bind-address", "[::1"))
                .hasMessageStartingWith("tenmail.bind-address must be an IP address");
    }

    @Test
    void twoListenersCannotShareAPort() {
        assertThatThrownBy(() -> settings("tenmail.pop3.port", "143"))
                .hasMessage("tenmail.pop3.port and tenmail.imap.port are both 143; give each listener its own port");
    }

    @Test
    void theHttpServerMayShareAPortNumberOnAnotherAddress() {
        assertThat(settings("tenmail.http.bind-address", "127.0.0.1", "tenmail.http.port", "25", "tenmail.bind-address", "::")
                .ports().http()).isEqualTo(25);
    }

    @Test
    void poolSizeMustBePositive() {
        assertThatThrownBy(() -> settings("tenmail.db.pool-size", "0"))
                .hasMessageStartingWith("tenmail.db.pool-size must be a whole number from 1 to 1000, was \"0\"");
    }

    @Test
    void verifiedPasswordsAreRememberedForFiveMinutesUnlessConfigured() {
        assertThat(settings().storage().authCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings("tenmail.auth.cache-ttl-seconds", "0").storage().authCacheTtl()).isZero();
        assertThatThrownBy(() -> settings("tenmail.auth.cache-ttl-seconds", "86400"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("tenmail.auth.cache-ttl-seconds must be a whole number from 0 to 3600, was \"86400\"");
    }

    @Test
    void directoryAnswersAreCachedForTenSecondsUnlessConfigured() {
        assertThat(settings().storage().directoryCacheTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings("tenmail.directory.cache-seconds", "0").storage().directoryCacheTtl()).isZero();
        assertThatThrownBy(() -> settings("tenmail.directory.cache-seconds", "86400"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("tenmail.directory.cache-seconds must be a whole number from 0 to 3600, was \"86400\"");
    }

    @Test
    void aDatabaseUrlMustBeJdbc() {
        assertThatThrownBy(() -> settings("tenmail.db.url", "postgres://db/tenmail"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("tenmail.db.url must be a jdbc:postgresql: or jdbc:derby: URL");
    }

    @Test
    void aCertificateNeedsItsKey() {
        assertThatThrownBy(() -> settings("tenmail.tls.certificate", "cert.pem"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("tenmail.tls.certificate and tenmail.tls.private-key must be set together");
    }

    @Test
    void theCliReachesAWildcardServerOnLoopback() {
        assertThat(settings().httpClientHost()).isEqualTo("127.0.0.1");
        assertThat(settings("tenmail.http.bind-address", "::").httpClientHost()).isEqualTo("127.0.0.1");
        assertThat(settings("tenmail.http.bind-address", "127.0.0.2").httpClientHost()).isEqualTo("127.0.0.2");
    }

    @Test
    void theHttpListenerNamesItsPortKey() {
        assertThat(settings().httpListener().portEnvironmentVariable()).isEqualTo("TENMAIL_HTTP_PORT");
    }
}
