package io.tenmail.smtp.spam.signing;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.remote.HostPort;
import io.tenmail.smtp.spam.AuthAttributes;
import io.tenmail.smtp.spam.DkimVerify;
import io.tenmail.smtp.spam.DnsLookups;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.dkim.DkimKeyPairs;
import io.tenmail.storage.jpa.Database;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.JpaDkimKeys;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.DkimKey;
import io.tenmail.storage.model.Domain;
import org.apache.mailet.AttributeName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail signed by Tenmail with a domain's key from the database verifies with jDKIM and OpenDKIM against the
 * published record in a test DNS; OpenDKIM signs with the same key when installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DkimSignIT {
    private static final String MESSAGE = "From: Alice <alice@example.test>\r\nTo: bob@elsewhere.test\r\n"
            + "Subject: signed\r\nDate: Sun, 22 Nov 2026 03:00:00 +0000\r\nMessage-ID: <s1@example.test>\r\n\r\n"
            + "Signed by Tenmail.\r\n.leading dot and trailing spaces   \r\n\r\n";

    @TempDir
    Path dir;
    private Database database;
    private JpaDirectoryAdmin admin;
    private Transactions tx;
    private JpaDkimKeys keys;
    private TestDnsServer dns;
    private DkimSign sign;

    @BeforeAll
    void openDatabase(@TempDir Path dataDir) {
        database = new Database(TestDatabases.derby(dataDir));
        tx = new Transactions(database.entityManagerFactory());
        admin = new JpaDirectoryAdmin(tx, PasswordHasher.owaspMinimum(), Clock.systemUTC());
        keys = new JpaDkimKeys(tx);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer();
        sign = signer(Optional.empty());
    }

    private DkimSign signer(Optional<DkimKeyFiles> legacy) throws Exception {
        DkimSign s = new DkimSign(keys, legacy);
        s.init(FakeMailetConfig.builder().mailetName("DkimSign").mailetContext(FakeMailContext.defaultContext()).build());
        return s;
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    /** A hosted domain (with the key made with it), named uniquely so that tests share the database. */
    private String hostedDomain() throws Exception {
        String name = "d" + COUNTER.incrementAndGet() + ".example.test";
        admin.createDomain(admin.createTenant(name, 0, 0).id(), name);
        return name;
    }

    private static String from(String domain) {
        return MESSAGE.replace("alice@example.test", "alice@" + domain);
    }

    private DkimKey active(String domain) throws Exception {
        return keys.signingKey(domain).orElseThrow();
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static FakeMail submitted(String message) throws Exception {
        return FakeMail.builder().name("S1").sender("alice@example.test").recipient("bob@elsewhere.test")
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8))))
                .attribute("tenmail.smtp.auth-user", "alice@example.test").attribute("tenmail.smtp.client-address", "192.0.2.50")
                .build();
    }

    private DkimVerify verifier() throws Exception {
        DkimVerify verify = new DkimVerify(DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2)));
        verify.init(FakeMailetConfig.builder().mailetName("DkimVerify").mailetContext(FakeMailContext.defaultContext()).build());
        return verify;
    }

    /** What the receiving side sees: the same bytes, from an unauthenticated client. */
    private static FakeMail received(FakeMail sent) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sent.getMessage().writeTo(bytes);
        return FakeMail.builder().name("R1").sender("alice@example.test").recipient("bob@elsewhere.test")
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray())))
                .attribute("tenmail.smtp.client-address", "192.0.2.50").build();
    }

    @Test
    void mailOfAHostedDomainIsSignedWithItsDatabaseKeyAndVerifies() throws Exception {
        String domain = hostedDomain();
        DkimKey key = active(domain);
        dns.txt(key.dnsName(), key.dnsRecord());
        FakeMail mail = submitted(from(domain));
        sign.service(mail);
        String field = mail.getMessage().getHeader("DKIM-Signature")[0];
        assertThat(field).contains("d=" + domain).contains("s=" + key.selector()).contains("a=rsa-sha256").contains("c=relaxed/relaxed");
        assertThat(dkimResult(received(mail))).isEqualTo("pass");
    }

    @Test
    void afterRotationTheNewKeySignsAndMailSignedBeforeStillVerifiesWithTheRetiredRecord() throws Exception {
        String domain = hostedDomain();
        DkimKey old = active(domain);
        FakeMail before = submitted(from(domain));
        sign.service(before);
        Domain d = admin.findDomain(domain).orElseThrow();
        DkimKey current = keys.rotate(d.tenant(), d.id());
        for (DkimKey published : keys.published(d.tenant(), d.id())) dns.txt(published.dnsName(), published.dnsRecord());
        FakeMail after = submitted(from(domain));
        signer(Optional.empty()).service(after);   // a fresh signer: the running one picks the rotation up within a minute
        assertThat(after.getMessage().getHeader("DKIM-Signature")[0]).contains("s=" + current.selector() + ";").doesNotContain("s=" + old.selector() + ";");
        assertThat(dkimResult(received(after))).isEqualTo("pass");
        assertThat(dkimResult(received(before))).isEqualTo("pass");
    }

    @Test
    void keyFilesOfAnOlderVersionAreImportedOnceAndSignWithTheirSelector() throws Exception {
        String domain = hostedDomain();
        // a domain from before keys were stored: no rows, the files of DkimKeyStore instead
        tx.run(em -> em.createQuery("DELETE FROM DkimKeyEntity k WHERE k.domainId = :d")
                .setParameter("d", admin.findDomain(domain).orElseThrow().id().value()).executeUpdate());
        Path legacy = dir.resolve("dkim");
        Path domainDir = Files.createDirectories(legacy.resolve(domain));
        KeyPair old = DkimKeyPairs.generate();
        KeyPair current = DkimKeyPairs.generate();
        Files.writeString(domainDir.resolve("tm20250101.pem"), pem(old.getPrivate().getEncoded()));
        Files.writeString(domainDir.resolve("tm20250601.pem"), pem(current.getPrivate().getEncoded()));
        Files.writeString(domainDir.resolve("current"), "tm20250601\n");
        Files.writeString(Files.createDirectories(legacy.resolve("not-hosted.example.test")).resolve("current"), "tm1\n");

        DkimSign importing = signer(Optional.of(new DkimKeyFiles(legacy)));
        DkimKey imported = active(domain);
        assertThat(imported.selector()).isEqualTo("tm20250601");
        assertThat(imported.publicKey()).isEqualTo(current.getPublic().getEncoded());
        assertThat(new DkimKeyFiles(legacy).importInto(keys)).isZero();   // once: the domain has keys now

        dns.txt(imported.dnsName(), imported.dnsRecord());
        FakeMail mail = submitted(from(domain));
        importing.service(mail);
        assertThat(mail.getMessage().getHeader("DKIM-Signature")[0]).contains("s=tm20250601;");
        assertThat(dkimResult(received(mail))).isEqualTo("pass");
    }

    @Test
    void aMailResumedAfterADeferralIsNotSignedTwice() throws Exception {
        String domain = hostedDomain();
        FakeMail mail = submitted(from(domain));
        sign.service(mail);
        sign.service(mail);
        assertThat(mail.getMessage().getHeader("DKIM-Signature")).hasSize(1);
    }

    @Test
    void mailOfADomainNotHostedHereIsNotSigned() throws Exception {
        FakeMail mail = submitted(from("nokey.test"));
        sign.service(mail);
        assertThat(mail.getMessage().getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void mailFromOutsideIsNotSignedEvenForOurDomain() throws Exception {
        FakeMail relayed = received(submitted(from(hostedDomain())));
        sign.service(relayed);
        assertThat(relayed.getMessage().getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void openDkimSignsWithTheDatabaseKeyAndItsRsaSha1IsRefusedWhenInstalled() throws Exception {
        // opendkim-testmsg verifies only against live DNS on port 53, so the interoperability shown
        // here is the other way round: OpenDKIM signs with the key the database holds, written out
        // as PKCS#8 PEM (it signs rsa-sha1, which RFC 8301 §3.1 forbids verifiers to accept: our
        // verifier sees the signature, refuses the algorithm, and would pass the key's rsa-sha256 ones)
        Path testmsg = Path.of("/usr/sbin/opendkim-testmsg");
        Assumptions.assumeTrue(Files.isExecutable(testmsg), "opendkim-tools not installed");
        String domain = hostedDomain();
        DkimKey key = active(domain);
        dns.txt(key.dnsName(), key.dnsRecord());
        Path pem = Files.writeString(dir.resolve(key.selector() + ".pem"), pem(key.privateKey()));
        Process p = new ProcessBuilder(testmsg.toString(), "-C", "-d", domain, "-s", key.selector(), "-k", pem.toString())
                .redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
            in.write(from(domain).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] signed = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        String text = new String(signed, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("DKIM-Signature:").contains("s=" + key.selector());
        FakeMail arrived = received(submitted(text));
        verifier().service(arrived);
        String clause = String.valueOf(arrived.getAttribute(AttributeName.of(AuthAttributes.RESULTS)).orElseThrow().getValue().value());
        if (text.contains("a=rsa-sha1")) {
            assertThat(clause).startsWith("dkim=fail (rsa-sha1 not accepted, RFC 8301) header.d=" + domain);
        } else {
            assertThat(clause).startsWith("dkim=pass header.d=" + domain);
        }
    }

    @Test
    void openDkimVerifiesTenmailsSignatureAgainstThePublishedRecordWhenInstalled() throws Exception {
        // opendkim's test mode (-t) reads public keys from TestPublicKeys instead of DNS, the same
        // record the admin API tells the domain to publish (opendkim.conf(5))
        Path opendkim = Path.of("/usr/sbin/opendkim");
        Assumptions.assumeTrue(Files.isExecutable(opendkim), "opendkim not installed");
        String domain = hostedDomain();
        DkimKey key = active(domain);
        Path keysFile = Files.writeString(dir.resolve("test-public-keys"), key.dnsName() + " " + key.dnsRecord() + "\n");
        Path conf = Files.writeString(dir.resolve("opendkim.conf"), "Mode v\nSyslog no\nTestPublicKeys " + keysFile + "\n");
        FakeMail mail = submitted(from(domain));
        sign.service(mail);
        assertThat(openDkimVerdict(opendkim, conf, written(mail, "signed.eml"))).contains("verification").contains("succeeded");

        mail.getMessage().setText("Changed after signing.\r\n");
        mail.getMessage().saveChanges();
        assertThat(openDkimVerdict(opendkim, conf, written(mail, "altered.eml"))).contains("failed");
    }

    private Path written(FakeMail mail, String name) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mail.getMessage().writeTo(bytes);
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    /** What {@code opendkim -t} says about the message's signature (it exits 0 either way). */
    private static String openDkimVerdict(Path opendkim, Path conf, Path message) throws Exception {
        Process p = new ProcessBuilder(opendkim.toString(), "-x", conf.toString(), "-t", message.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(out).isTrue();
        return out;
    }

    private String dkimResult(FakeMail arrived) throws Exception {
        verifier().service(arrived);
        return String.valueOf(arrived.getAttribute(AttributeName.of(AuthAttributes.DKIM_RESULT)).orElseThrow().getValue().value());
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
