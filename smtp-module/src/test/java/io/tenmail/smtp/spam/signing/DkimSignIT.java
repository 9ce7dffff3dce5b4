package io.tenmail.smtp.spam.signing;

import io.tenmail.smtp.remote.TestDnsServer;
import io.tenmail.smtp.spam.AuthAttributes;
import io.tenmail.smtp.spam.DkimVerify;
import io.tenmail.smtp.spam.DnsLookups;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail signed by Tenmail verifies with jDKIM against the published key, and with OpenDKIM when installed. */
class DkimSignIT {
    private static final String MESSAGE = "From: Alice <alice@example.test>\r\nTo: bob@elsewhere.test\r\n"
            + "Subject: signed\r\nDate: Sun, 22 Nov 2026 03:00:00 +0000\r\nMessage-ID: <s1@example.test>\r\n\r\n"
            + "Signed by Tenmail.\r\n.leading dot and trailing spaces   \r\n\r\n";

    @TempDir
    Path dir;
    private TestDnsServer dns;
    private DkimKeyStore keys;
    private DkimSign sign;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer();
        keys = new DkimKeyStore(dir, Clock.systemUTC());
        sign = new DkimSign(keys);
        sign.init(FakeMailetConfig.builder().mailetName("DkimSign").mailetContext(FakeMailContext.defaultContext()).build());
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private static FakeMail submitted(String message) throws Exception {
        return FakeMail.builder().name("S1").sender("alice@example.test").recipient("bob@elsewhere.test")
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8))))
                .attribute("tenmail.smtp.auth-user", "alice@example.test").attribute("tenmail.smtp.client-address", "192.0.2.50")
                .build();
    }

    private DkimVerify verifier() throws Exception {
        DkimVerify verify = new DkimVerify(DnsLookups.of(List.of(dns.address()), Duration.ofSeconds(2)));
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
    void mailOfADomainWithAKeyIsSignedAndVerifies() throws Exception {
        SigningKey key = keys.create("example.test");
        dns.txt(key.dnsName(), key.dnsRecord());
        FakeMail mail = submitted(MESSAGE);
        sign.service(mail);
        String field = mail.getMessage().getHeader("DKIM-Signature")[0];
        assertThat(field).contains("d=example.test").contains("s=" + key.selector()).contains("a=rsa-sha256").contains("c=relaxed/relaxed");
        FakeMail arrived = received(mail);
        verifier().service(arrived);
        assertThat(arrived.getAttribute(org.apache.mailet.AttributeName.of(AuthAttributes.DKIM_RESULT)).orElseThrow().getValue().value())
                .isEqualTo("pass");
    }

    @Test
    void afterRotationTheNewKeySignsAndTheOldRecordIsNoLongerNeededForNewMail() throws Exception {
        SigningKey old = keys.create("example.test");
        SigningKey current = keys.rotate("example.test");
        dns.txt(current.dnsName(), current.dnsRecord());
        FakeMail mail = submitted(MESSAGE);
        sign.service(mail);
        assertThat(mail.getMessage().getHeader("DKIM-Signature")[0]).contains("s=" + current.selector()).doesNotContain("s=" + old.selector() + ";");
        FakeMail arrived = received(mail);
        verifier().service(arrived);
        assertThat(arrived.getAttribute(org.apache.mailet.AttributeName.of(AuthAttributes.DKIM_RESULT)).orElseThrow().getValue().value())
                .isEqualTo("pass");
    }

    @Test
    void aMailResumedAfterADeferralIsNotSignedTwice() throws Exception {
        keys.create("example.test");
        FakeMail mail = submitted(MESSAGE);
        sign.service(mail);
        sign.service(mail);
        assertThat(mail.getMessage().getHeader("DKIM-Signature")).hasSize(1);
    }

    @Test
    void aDomainWithoutKeyIsNotSigned() throws Exception {
        FakeMail mail = submitted(MESSAGE.replace("alice@example.test", "alice@nokey.test"));
        sign.service(mail);
        assertThat(mail.getMessage().getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void mailFromOutsideIsNotSignedEvenForOurDomain() throws Exception {
        keys.create("example.test");
        FakeMail relayed = received(submitted(MESSAGE));
        sign.service(relayed);
        assertThat(relayed.getMessage().getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void openDkimSignsWithOurStoredKeyAndItsRsaSha1IsRefusedWhenInstalled() throws Exception {
        // opendkim-testmsg verifies only against live DNS on port 53, so the interoperability shown
        // here is the other way round: OpenDKIM reads the key file our store wrote and signs with it
        // (it signs rsa-sha1, which RFC 8301 §3.1 forbids verifiers to accept: our verifier sees the
        // signature, refuses the algorithm, and would pass the same key's rsa-sha256 signatures)
        Path testmsg = Path.of("/usr/sbin/opendkim-testmsg");
        Assumptions.assumeTrue(Files.isExecutable(testmsg), "opendkim-tools not installed");
        SigningKey key = keys.create("example.test");
        dns.txt(key.dnsName(), key.dnsRecord());
        Path pem = dir.resolve("example.test").resolve(key.selector() + ".pem");
        Process p = new ProcessBuilder(testmsg.toString(), "-C", "-d", "example.test", "-s", key.selector(), "-k", pem.toString())
                .redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
            in.write(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        }
        byte[] signed = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        String text = new String(signed, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("DKIM-Signature:").contains("s=" + key.selector());
        FakeMail arrived = received(submitted(text));
        verifier().service(arrived);
        String clause = String.valueOf(arrived.getAttribute(org.apache.mailet.AttributeName.of(AuthAttributes.RESULTS)).orElseThrow().getValue().value());
        if (text.contains("a=rsa-sha1")) {
            assertThat(clause).startsWith("dkim=fail (rsa-sha1 not accepted, RFC 8301) header.d=example.test");
        } else {
            assertThat(clause).startsWith("dkim=pass header.d=example.test");
        }
    }
}
