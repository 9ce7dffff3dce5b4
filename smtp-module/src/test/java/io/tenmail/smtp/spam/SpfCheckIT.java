package io.tenmail.smtp.spam;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.remote.HostPort;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tenmail.smtp.spam.TestMails.attribute;
import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;

/** SPF against a DNS responder on 127.0.0.1 holding the test zone's SPF records (RFC 7208 §2.6). */
class SpfCheckIT {
    private TestDnsServer dns;
    private SpfCheck check;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer()
                .txt("example.test", "v=spf1 ip4:192.0.2.10 include:_spf.partner.test -all")
                .txt("_spf.partner.test", "v=spf1 ip4:203.0.113.0/24 -all")
                .txt("soft.test", "v=spf1 ip4:192.0.2.10 ~all")
                .txt("neutral.test", "v=spf1 ?all")
                .txt("mx.example.test", "v=spf1 a -all").a("mx.example.test", "192.0.2.25")
                .txt("twice.test", "v=spf1 -all").txt("twice.test", "v=spf1 +all")
                .a("nospf.test", "192.0.2.99")
                .broken("broken.test");
        check = new SpfCheck(DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2)));
        check.init(TestMails.config("SpfCheck", Map.of()));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private FakeMail checked(String sender, String ip, String helo) throws Exception {
        FakeMail mail = mail(sender, ip, helo);
        check.service(mail);
        return mail;
    }

    @Test
    void anAllowedAddressPasses() throws Exception {
        FakeMail mail = checked("alice@example.test", "192.0.2.10", "mx.example.test");
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isEqualTo("pass");
        assertThat(attribute(mail, AuthAttributes.SPF_DOMAIN)).isEqualTo("example.test");
        assertThat(AuthAttributes.clauses(mail)).containsExactly("spf=pass smtp.mailfrom=example.test");
        assertThat(SpamScore.score(mail)).isZero();
    }

    @Test
    void anAddressAllowedThroughAnIncludePasses() throws Exception {
        assertThat(attribute(checked("alice@example.test", "203.0.113.77", "out.partner.test"), AuthAttributes.SPF_RESULT)).isEqualTo("pass");
    }

    @Test
    void anyOtherAddressFailsAndScores() throws Exception {
        FakeMail mail = checked("alice@example.test", "198.51.100.7", "spammer.invalid");
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isEqualTo("fail");
        assertThat(SpamScore.symbols(mail)).isEqualTo("SPF_FAIL=3");
        assertThat(SpamScore.score(mail)).isEqualByComparingTo("3");
    }

    @Test
    void aTildeAllSoftfails() throws Exception {
        FakeMail mail = checked("news@soft.test", "198.51.100.7", "x.invalid");
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isEqualTo("softfail");
        assertThat(SpamScore.symbols(mail)).isEqualTo("SPF_SOFTFAIL=1");
    }

    @Test
    void aQuestionMarkAllIsNeutral() throws Exception {
        assertThat(attribute(checked("a@neutral.test", "198.51.100.7", "x.invalid"), AuthAttributes.SPF_RESULT)).isEqualTo("neutral");
    }

    @Test
    void aDomainWithoutRecordIsNone() throws Exception {
        FakeMail mail = checked("a@nospf.test", "198.51.100.7", "x.invalid");
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isEqualTo("none");
        assertThat(SpamScore.score(mail)).isZero();
    }

    @Test
    void aDnsFailureIsTemperror() throws Exception {
        FakeMail mail = checked("a@broken.test", "198.51.100.7", "x.invalid");
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isEqualTo("temperror");
        assertThat(SpamScore.score(mail)).isZero();
    }

    @Test
    void twoSpfRecordsArePermerror() throws Exception {
        // RFC 7208 §4.5
        assertThat(attribute(checked("a@twice.test", "198.51.100.7", "x.invalid"), AuthAttributes.SPF_RESULT)).isEqualTo("permerror");
    }

    @Test
    void aNullSenderIsCheckedByItsHeloName() throws Exception {
        // RFC 7208 §2.4
        FakeMail mail = checked(null, "192.0.2.25", "mx.example.test");
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isEqualTo("pass");
        assertThat(AuthAttributes.clauses(mail)).containsExactly("spf=pass smtp.helo=mx.example.test");
    }

    @Test
    void mailFromAnAuthenticatedClientIsNotChecked() throws Exception {
        FakeMail mail = mail("alice@example.test", "198.51.100.7", "laptop");
        mail.setAttribute(new org.apache.mailet.Attribute(org.apache.mailet.AttributeName.of("tenmail.smtp.auth-user"),
                org.apache.mailet.AttributeValue.of("alice@example.test")));
        check.service(mail);
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isNull();
    }
}
