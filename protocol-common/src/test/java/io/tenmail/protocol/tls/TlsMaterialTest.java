package io.tenmail.protocol.tls;

import io.tenmail.protocol.MutableClock;
import io.tenmail.protocol.SecretFiles;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TlsMaterialTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));

    @Test
    void withoutConfigurationASelfSignedCertificateForTheHostIsGenerated() throws Exception {
        TlsMaterial material = TlsMaterial.load(TlsSettings.selfSigned("mail.example.test", dataDir), clock);

        assertThat(material.certificate().getSubjectX500Principal().getName()).contains("CN=mail.example.test");
        assertThat(material.certificate().getSubjectAlternativeNames()).containsExactly(List.of(2, "mail.example.test"));
        assertThat(material.certificate().getNotAfter().toInstant()).isAfter(clock.instant().plus(Duration.ofDays(800)));
        assertThat(dataDir.resolve("tls/self-signed.crt")).exists();
        Path key = dataDir.resolve("tls/self-signed.key");
        assertThat(key).exists();
        assumeTrue(SecretFiles.supportsPosix(key));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void theSelfSignedCertificateIsReusedOnRestart() throws Exception {
        TlsMaterial first = TlsMaterial.load(TlsSettings.selfSigned("mail.example.test", dataDir), clock);
        clock.advance(Duration.ofDays(100));
        TlsMaterial second = TlsMaterial.load(TlsSettings.selfSigned("MAIL.example.test", dataDir), clock);
        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.privateKey()).isEqualTo(first.privateKey());
    }

    @Test
    void theSelfSignedCertificateIsReplacedWhenTheHostNameChanges() throws Exception {
        TlsMaterial first = TlsMaterial.load(TlsSettings.selfSigned("mail.example.test", dataDir), clock);
        TlsMaterial second = TlsMaterial.load(TlsSettings.selfSigned("mx.example.test", dataDir), clock);
        assertThat(second.certificate()).isNotEqualTo(first.certificate());
        assertThat(second.certificate().getSubjectX500Principal().getName()).contains("CN=mx.example.test");
    }

    @Test
    void theSelfSignedCertificateIsReplacedShortlyBeforeItExpires() throws Exception {
        TlsMaterial first = TlsMaterial.load(TlsSettings.selfSigned("mail.example.test", dataDir), clock);
        clock.advance(SelfSignedCertificate.VALIDITY.minus(Duration.ofDays(10)));
        TlsMaterial second = TlsMaterial.load(TlsSettings.selfSigned("mail.example.test", dataDir), clock);
        assertThat(second.certificate()).isNotEqualTo(first.certificate());
    }

    @Test
    void aPemCertificateAndPkcs8KeyAreLoaded() throws Exception {
        TlsMaterial generated = SelfSignedCertificate.generate("mail.example.test", clock.instant());
        Path cert = write("cert.pem", PemFiles.certificatePem(generated.certificate()));
        Path key = write("key.pem", PemFiles.privateKeyPem(generated.privateKey()));

        TlsMaterial loaded = TlsMaterial.load(new TlsSettings("mail.example.test", dataDir, null, "", cert, key), clock);

        assertThat(loaded.certificate()).isEqualTo(generated.certificate());
        assertThat(loaded.source()).isEqualTo(cert.toString());
        assertThat(dataDir.resolve("tls")).doesNotExist();
    }

    @Test
    void aTraditionalRsaPemKeyIsLoaded() throws Exception {
        TlsMaterial generated = SelfSignedCertificate.generate("mail.example.test", clock.instant());
        StringWriter pkcs1 = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pkcs1)) {
            writer.writeObject(generated.privateKey());
        }
        assertThat(pkcs1.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        Path cert = write("cert.pem", PemFiles.certificatePem(generated.certificate()));
        Path key = write("key.pem", pkcs1.toString());

        assertThat(TlsMaterial.fromPem(cert, key).privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefusedNamingTheKey() throws Exception {
        TlsMaterial one = SelfSignedCertificate.generate("mail.example.test", clock.instant());
        TlsMaterial other = SelfSignedCertificate.generate("mail.example.test", clock.instant());
        Path cert = write("cert.pem", PemFiles.certificatePem(one.certificate()));
        Path key = write("key.pem", PemFiles.privateKeyPem(other.privateKey()));

        assertThatThrownBy(() -> TlsMaterial.load(new TlsSettings("mail.example.test", dataDir, null, "", cert, key), clock))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageStartingWith("tenmail.tls.private-key: the key in " + key)
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void aMissingPemFileIsNamedWithItsKey() {
        Path missing = dataDir.resolve("nope.pem");
        assertThatThrownBy(() -> TlsMaterial.load(new TlsSettings("h.example.test", dataDir, null, "", missing, missing), clock))
                .hasMessage("tenmail.tls.certificate: no such file " + missing);
    }

    @Test
    void aPkcs12KeystoreIsLoaded() throws Exception {
        TlsMaterial generated = SelfSignedCertificate.generate("mail.example.test", clock.instant());
        Path p12 = keystore(generated, "changeit");

        TlsMaterial loaded = TlsMaterial.load(new TlsSettings("mail.example.test", dataDir, p12, "changeit", null, null), clock);

        assertThat(loaded.certificate()).isEqualTo(generated.certificate());
        assertThat(loaded.source()).contains("entry 'mail'");
    }

    @Test
    void aWrongKeystorePasswordIsNamedInTheError() throws Exception {
        Path p12 = keystore(SelfSignedCertificate.generate("mail.example.test", clock.instant()), "changeit");
        assertThatThrownBy(() -> TlsMaterial.load(new TlsSettings("mail.example.test", dataDir, p12, "wrong", null, null), clock))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageStartingWith("tenmail.tls.keystore: cannot read PKCS#12 keystore " + p12)
                .hasMessageContaining("tenmail.tls.keystore-password");
    }

    @Test
    void settingsRefuseAKeystoreTogetherWithPemFiles() {
        Path f = dataDir.resolve("x");
        assertThatThrownBy(() -> new TlsSettings("h", dataDir, f, "", f, f)).hasMessageContaining("tenmail.tls.keystore");
        assertThatThrownBy(() -> new TlsSettings("h", dataDir, null, "", f, null))
                .hasMessage("tenmail.tls.certificate and tenmail.tls.private-key must be set together");
    }

    @Test
    void settingsNeverPrintTheKeystorePassword() {
        assertThat(new TlsSettings("h", dataDir, dataDir.resolve("k.p12"), "hunter2", null, null).toString()).doesNotContain("hunter2");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dataDir.resolve(name), content);
    }

    private Path keystore(TlsMaterial material, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("mail", material.privateKey(), password.toCharArray(), material.chain().toArray(new Certificate[0]));
        Path file = dataDir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
