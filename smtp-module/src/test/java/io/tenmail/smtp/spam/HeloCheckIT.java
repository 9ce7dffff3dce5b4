package io.tenmail.smtp.spam;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.remote.HostPort;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;

/** EHLO names judged against a local DNS responder. */
class HeloCheckIT {
    private TestDnsServer dns;
    private HeloCheck check;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer().a("mx.sender.test", "192.0.2.25").mx("mailonly.test", 10, "mx.sender.test").broken("slow.test");
        check = new HeloCheck(DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2)), "mx.tenmail.test");
        check.init(TestMails.config("HeloCheck", Map.of()));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private String symbols(String helo, String ip) throws Exception {
        FakeMail mail = mail("a@sender.test", ip, helo);
        check.service(mail);
        return SpamScore.symbols(mail);
    }

    @Test
    void aResolvableNameScoresNothing() throws Exception {
        assertThat(symbols("mx.sender.test", "192.0.2.25")).isEmpty();
        assertThat(symbols("mailonly.test", "192.0.2.25")).isEmpty();
    }

    @Test
    void aBareWordIsNotAFullyQualifiedName() throws Exception {
        assertThat(symbols("PC-17", "198.51.100.7")).isEqualTo("HELO_NOT_FQDN=1.5");
    }

    @Test
    void anAddressLiteralMustBeTheClientsAddress() throws Exception {
        assertThat(symbols("[192.0.2.25]", "192.0.2.25")).isEmpty();
        assertThat(symbols("[IPv6:2001:db8::1]", "2001:db8:0:0:0:0:0:1")).isEmpty();
        assertThat(symbols("[10.0.0.1]", "198.51.100.7")).isEqualTo("HELO_LITERAL_MISMATCH=2");
    }

    @Test
    void ourOwnNameFromOutsideIsForged() throws Exception {
        assertThat(symbols("MX.tenmail.test", "198.51.100.7")).isEqualTo("HELO_IS_US=3");
    }

    @Test
    void aNameWithoutAddressOrMxScoresButADnsFailureDoesNot() throws Exception {
        assertThat(symbols("made.up.test", "198.51.100.7")).isEqualTo("HELO_NXDOMAIN=1");
        assertThat(symbols("slow.test", "198.51.100.7")).isEmpty();
    }

    @Test
    void authenticatedAndLocalClientsAreNotJudged() throws Exception {
        FakeMail laptop = mail("a@sender.test", "198.51.100.7", "laptop");
        laptop.setAttribute(new Attribute(AttributeName.of("tenmail.smtp.auth-user"), AttributeValue.of("a@sender.test")));
        check.service(laptop);
        assertThat(SpamScore.symbols(laptop)).isEmpty();
        assertThat(symbols("localhost", "127.0.0.1")).isEmpty();
    }
}
