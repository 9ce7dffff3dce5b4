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

import static io.tenmail.smtp.spam.TestMails.MESSAGE;
import static io.tenmail.smtp.spam.TestMails.attribute;
import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DMARC against policies in a local DNS responder, after real SPF and DKIM checks of the same mail
 * (RFC 7489 §6.6): alignment, p/sp, pct, the organisational domain, none and temperror.
 */
class DmarcCheckIT {
    private static final String CLEAN_IP = "192.0.2.10";
    private static final String OTHER_IP = "198.51.100.7";

    private TestDnsServer dns;
    private DkimKeys keys;
    private SpfCheck spf;
    private DkimVerify dkim;
    private double nextRandom = 0.0;
    private DmarcCheck dmarc;

    @BeforeEach
    void start() throws Exception {
        keys = new DkimKeys();
        dns = new TestDnsServer()
                .txt("example.test", "v=spf1 ip4:" + CLEAN_IP + " -all")
                .txt("bounces.example.test", "v=spf1 ip4:" + CLEAN_IP + " -all")
                .txt("_dmarc.example.test", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.test")
                .txt("sel._domainkey.example.test", keys.dnsRecord())
                .txt("sel._domainkey.esp.test", keys.dnsRecord())
                .txt("strict.test", "v=spf1 ip4:" + CLEAN_IP + " -all")
                .txt("_dmarc.strict.test", "v=DMARC1; p=reject; adkim=s; aspf=s")
                .txt("sel._domainkey.mail.strict.test", keys.dnsRecord())
                .txt("_dmarc.half.test", "v=DMARC1; p=reject; pct=50")
                .txt("_dmarc.monitor.test", "v=DMARC1; p=none")
                .broken("_dmarc.broken.test");
        DnsLookups lookups = DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2));
        spf = new SpfCheck(lookups);
        spf.init(TestMails.config("SpfCheck", Map.of()));
        dkim = new DkimVerify(lookups);
        dkim.init(TestMails.config("DkimVerify", Map.of()));
        dmarc = new DmarcCheck(lookups, () -> nextRandom);
        dmarc.init(TestMails.config("DmarcCheck", Map.of()));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private FakeMail checked(String sender, String ip, String message) throws Exception {
        FakeMail mail = mail(sender, ip, "mx.sender.test", message);
        spf.service(mail);
        dkim.service(mail);
        dmarc.service(mail);
        return mail;
    }

    private static String from(String address) {
        return MESSAGE.replace("alice@example.test", address);
    }

    @Test
    void anAlignedSpfPassIsADmarcPass() throws Exception {
        FakeMail mail = checked("alice@example.test", CLEAN_IP, MESSAGE);
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("pass");
        assertThat(AuthAttributes.clauses(mail)).contains("dmarc=pass header.from=example.test");
        assertThat(SpamScore.score(mail)).isZero();
    }

    @Test
    void aSubdomainMailFromIsRelaxedAligned() throws Exception {
        assertThat(attribute(checked("bounce@bounces.example.test", CLEAN_IP, MESSAGE), AuthAttributes.DMARC_RESULT)).isEqualTo("pass");
    }

    @Test
    void anAlignedDkimSignaturePassesWhenSpfFails() throws Exception {
        // forwarded mail: the forwarder's address fails SPF, the author's signature survives
        FakeMail mail = checked("alice@example.test", OTHER_IP, keys.sign(MESSAGE, "example.test", "sel"));
        assertThat(attribute(mail, AuthAttributes.SPF_RESULT)).isEqualTo("fail");
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("pass");
    }

    @Test
    void aSignatureOfAnotherDomainDoesNotAlign() throws Exception {
        FakeMail mail = checked("bounce@esp.test", OTHER_IP, keys.sign(MESSAGE, "esp.test", "sel"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("pass");
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("fail");
        assertThat(attribute(mail, AuthAttributes.DMARC_POLICY)).isEqualTo("reject");
        assertThat(AuthAttributes.clauses(mail)).contains("dmarc=fail (p=reject) header.from=example.test");
        assertThat(SpamScore.symbols(mail)).contains("DMARC_REJECT=10");
    }

    @Test
    void aSubdomainWithoutItsOwnRecordGetsTheSubdomainPolicy() throws Exception {
        FakeMail mail = checked("x@spoof.test", OTHER_IP, from("ceo@payroll.example.test"));
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("fail");
        assertThat(attribute(mail, AuthAttributes.DMARC_POLICY)).isEqualTo("quarantine");
        assertThat(SpamScore.symbols(mail)).isEqualTo("DMARC_QUARANTINE=6");
    }

    @Test
    void strictAlignmentRefusesASubdomainSignature() throws Exception {
        FakeMail mail = checked("alice@mail.strict.test", OTHER_IP, keys.sign(from("alice@strict.test"), "mail.strict.test", "sel"));
        assertThat(attribute(mail, AuthAttributes.DKIM_RESULT)).isEqualTo("pass");
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("fail");
    }

    @Test
    void strictSpfAlignmentAcceptsTheSameDomain() throws Exception {
        assertThat(attribute(checked("alice@strict.test", CLEAN_IP, from("alice@strict.test")), AuthAttributes.DMARC_RESULT)).isEqualTo("pass");
    }

    @Test
    void mailOutsideThePercentageGetsTheNextWeakerPolicy() throws Exception {
        nextRandom = 0.75;   // 75 >= pct=50: not sampled, reject becomes quarantine (§6.6.4)
        FakeMail outside = checked("x@spoof.test", OTHER_IP, from("ceo@half.test"));
        assertThat(attribute(outside, AuthAttributes.DMARC_POLICY)).isEqualTo("quarantine");
        nextRandom = 0.25;
        FakeMail inside = checked("x@spoof.test", OTHER_IP, from("ceo@half.test"));
        assertThat(attribute(inside, AuthAttributes.DMARC_POLICY)).isEqualTo("reject");
    }

    @Test
    void aMonitoringPolicyFailsWithoutScore() throws Exception {
        FakeMail mail = checked("x@spoof.test", OTHER_IP, from("ceo@monitor.test"));
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("fail");
        assertThat(attribute(mail, AuthAttributes.DMARC_POLICY)).isEqualTo("none");
        assertThat(SpamScore.symbols(mail)).doesNotContain("DMARC");
    }

    @Test
    void aDomainWithoutPolicyIsNone() throws Exception {
        FakeMail mail = checked("x@nowhere.test", OTHER_IP, from("someone@nowhere.test"));
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("none");
        assertThat(attribute(mail, AuthAttributes.DMARC_POLICY)).isNull();
    }

    @Test
    void aPolicyLookupDnsDoesNotAnswerIsTemperror() throws Exception {
        assertThat(attribute(checked("x@broken.test", OTHER_IP, from("someone@broken.test")), AuthAttributes.DMARC_RESULT)).isEqualTo("temperror");
    }

    @Test
    void twoAuthorsArePermerror() throws Exception {
        FakeMail mail = checked("x@spoof.test", OTHER_IP, MESSAGE.replace("From: Alice <alice@example.test>", "From: a@example.test, b@other.test"));
        assertThat(attribute(mail, AuthAttributes.DMARC_RESULT)).isEqualTo("permerror");
    }
}
