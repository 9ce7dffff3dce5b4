package io.tenmail.smtp.spam.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DkimKeyStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aDomainWithoutKeyHasNone() throws Exception {
        assertThat(new DkimKeyStore(dir, CLOCK).current("example.test")).isEmpty();
    }

    @Test
    void aCreatedKeyIsKeptPrivatelyAndReadBackByAnotherStore() throws Exception {
        SigningKey made = new DkimKeyStore(dir, CLOCK).create("Example.TEST");
        assertThat(made.domain()).isEqualTo("example.test");
        assertThat(made.selector()).isEqualTo("tm20261122");
        assertThat(made.dnsName()).isEqualTo("tm20261122._domainkey.example.test");
        assertThat(made.publicKey().getModulus().bitLength()).isEqualTo(2048);
        Path pem = dir.resolve("example.test").resolve("tm20261122.pem");
        assertThat(Files.readString(pem)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-------");
        SigningKey read = new DkimKeyStore(dir, CLOCK).current("example.test").orElseThrow();
        assertThat(read.selector()).isEqualTo(made.selector());
        assertThat(read.publicKey()).isEqualTo(made.publicKey());
        assertThat(read.dnsRecord()).isEqualTo(made.dnsRecord()).startsWith("v=DKIM1; k=rsa; p=MIIBIjAN");
    }

    @Test
    void createKeepsAnExistingKey() throws Exception {
        DkimKeyStore store = new DkimKeyStore(dir, CLOCK);
        SigningKey first = store.create("example.test");
        assertThat(store.create("example.test").publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void rotationSwitchesToANewSelectorAndKeepsTheOldFile() throws Exception {
        DkimKeyStore store = new DkimKeyStore(dir, CLOCK);
        SigningKey first = store.create("example.test");
        SigningKey second = store.rotate("example.test");
        assertThat(second.selector()).isEqualTo("tm20261122-2");
        assertThat(second.publicKey()).isNotEqualTo(first.publicKey());
        assertThat(new DkimKeyStore(dir, CLOCK).current("example.test").orElseThrow().selector()).isEqualTo("tm20261122-2");
        assertThat(dir.resolve("example.test").resolve("tm20261122.pem")).exists();
    }

    @Test
    void aNameThatIsNotADomainIsRefused() {
        assertThatThrownBy(() -> new DkimKeyStore(dir, CLOCK).create("../../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
