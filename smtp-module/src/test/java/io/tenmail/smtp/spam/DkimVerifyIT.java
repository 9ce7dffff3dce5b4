package io.tenmail.smtp.spam;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.remote.HostPort;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tenmail.smtp.spam.TestMails.MESSAGE;
import static io.tenmail.smtp.spam.TestMails.attribute;
import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;

/** DKIM verification of real RSA-SHA256 signatures against keys in a local DNS responder (RFC 6376 §6). */
class DkimVerifyIT {
    private static DkimKeys keys;
    private static DkimKeys otherKeys;
    private TestDnsServer dns;
    private DkimVerify verify;

    @BeforeAll
    static void keys() throws Exception {
        keys = new DkimKeys();
        otherKeys = new DkimKeys();
    }

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer()
                .txt("sel._domainkey.example.test", keys.dnsRecord())
                .txt("sel._domainkey.mail.example.test", keys.dnsRecord())
                .txt("old._domainkey.example.test", otherKeys.dnsRecord())
                .broken("sel._domainkey.broken.test");
        verify = new DkimVerify(DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2)));
        verify.init(TestMails.config("DkimVerify", Map.of()));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private FakeMail verified(String message) throws Exception {
        FakeMail mail = mail("alice@example.test", "192.0.2.10", "mx.example.test", message);
        verify.service(mail);
        return mail;
    }

    @Test
    void aValidSignaturePasses() throws Exception {
        FakeMail mail = verified(keys.sign(MESSAGE, "example.test", "sel"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("pass");
        assertThat(attribute(mail, AuthAttributes.DKIM_PASS_DOMAINS)).isEqualTo("example.test");
        assertThat(AuthAttributes.clauses(mail)).singleElement().asString().startsWith("dkim=pass header.d=example.test header.s=sel");
        assertThat(SpamScore.score(mail)).isZero();
    }

    @Test
    void aChangedBodyFails() throws Exception {
        String signed = keys.sign(MESSAGE, "example.test", "sel");
        FakeMail mail = verified(signed.replace("the numbers are in", "send the money now"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isIn("fail", "permerror");
        assertThat(attribute(mail, AuthAttributes.DKIM_PASS_DOMAINS)).isEmpty();
        assertThat(SpamScore.symbols(mail)).isEqualTo("DKIM_FAIL=1");
    }

    @Test
    void aChangedSignedHeaderFails() throws Exception {
        FakeMail mail = verified(keys.sign(MESSAGE, "example.test", "sel").replace("quarterly numbers", "urgent invoice"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isIn("fail", "permerror");
    }

    @Test
    void aSignatureMadeWithAnotherKeyFails() throws Exception {
        FakeMail mail = verified(otherKeys.sign(MESSAGE, "example.test", "sel"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isIn("fail", "permerror");
    }

    @Test
    void aSelectorWithoutKeyFails() throws Exception {
        // jDKIM reports a missing key (RFC 6376 §6.1.2 PERMFAIL "no key for signature") as fail
        FakeMail mail = verified(keys.sign(MESSAGE, "example.test", "missing"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("fail");
        assertThat(AuthAttributes.clauses(mail)).singleElement().asString().contains("header.s=missing");
    }

    @Test
    void aKeyLookupDnsDoesNotAnswerIsTemperror() throws Exception {
        FakeMail mail = verified(keys.sign(MESSAGE, "broken.test", "sel"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("temperror");
        assertThat(SpamScore.score(mail)).isZero();
    }

    @Test
    void anUnsignedMessageIsNone() throws Exception {
        FakeMail mail = verified(MESSAGE);
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("none");
        assertThat(AuthAttributes.clauses(mail)).containsExactly("dkim=none");
    }

    @Test
    void oneGoodSignatureAmongBadOnesIsAPass() throws Exception {
        // RFC 6376 §6.1: a message passes when any signature verifies
        String twice = otherKeys.sign(keys.sign(MESSAGE, "mail.example.test", "sel"), "example.test", "sel");
        FakeMail mail = verified(twice);
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("pass");
        assertThat(attribute(mail, AuthAttributes.DKIM_PASS_DOMAINS)).isEqualTo("mail.example.test");
        assertThat(AuthAttributes.clauses(mail)).hasSize(2);
        assertThat(SpamScore.score(mail)).isZero();
    }

    @Test
    void theSignatureStillVerifiesAfterOurFieldsAreStamped() throws Exception {
        FakeMail mail = verified(keys.sign(MESSAGE, "example.test", "sel"));
        AuthenticationResultsStamp stamp = new AuthenticationResultsStamp("mx.tenmail.test");
        stamp.init(TestMails.config("AuthenticationResultsStamp", Map.of()));
        stamp.service(mail);
        assertThat(mail.getMessage().getHeader("Authentication-Results")[0]).contains("dkim=pass");
        verify.service(mail);   // a downstream verifier sees the same signed bytes
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("pass");
    }
}
