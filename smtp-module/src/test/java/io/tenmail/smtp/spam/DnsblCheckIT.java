package io.tenmail.smtp.spam;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.remote.HostPort;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DNS lists answered by a local DNS responder (RFC 5782). */
class DnsblCheckIT {
    private TestDnsServer dns;
    private DnsblCheck check;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer()
                .a("7.100.51.198.bl.test", "127.0.0.2")
                .a("7.100.51.198.other-bl.test", "127.0.0.4")
                .a("10.2.0.192.wl.test", "127.0.5.1")
                .a("9.9.9.203.bl.test", "127.255.255.254")
                .a("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.test", "127.0.0.2")
                .broken("8.8.8.203.bl.test");
        check = new DnsblCheck(DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2)));
        check.init(TestMails.config("DnsblCheck", Map.of("zones", "bl.test=4, other-bl.test=2.5, wl.test=-3")));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private FakeMail checked(String ip) throws Exception {
        FakeMail mail = mail("a@example.test", ip, "h.example.test");
        check.service(mail);
        return mail;
    }

    @Test
    void aListedAddressScoresForEachList() throws Exception {
        FakeMail mail = checked("198.51.100.7");
        assertThat(SpamScore.symbols(mail)).isEqualTo("DNSBL_bl.test=4,DNSBL_other-bl.test=2.5");
        assertThat(SpamScore.score(mail)).isEqualByComparingTo("6.5");
    }

    @Test
    void anAllowlistedAddressLowersTheScore() throws Exception {
        assertThat(SpamScore.symbols(checked("192.0.2.10"))).isEqualTo("DNSWL_wl.test=-3");
    }

    @Test
    void anUnlistedAddressScoresNothing() throws Exception {
        assertThat(SpamScore.symbols(checked("192.0.2.99"))).isEmpty();
    }

    @Test
    void anIpv6AddressIsLookedUpByNibbles() throws Exception {
        assertThat(SpamScore.symbols(checked("2001:db8::1"))).isEqualTo("DNSBL_bl.test=4");
    }

    @Test
    void aListErrorCodeAndADnsFailureAreNoListing() throws Exception {
        assertThat(SpamScore.symbols(checked("203.9.9.9"))).isEmpty();
        assertThat(SpamScore.symbols(checked("203.8.8.8"))).isEmpty();
    }

    @Test
    void reversedNamesFollowTheRfc() throws Exception {
        assertThat(DnsblCheck.reversed(InetAddress.getByName("192.0.2.99"))).isEqualTo("99.2.0.192");
        // RFC 5782 §2.4 example
        assertThat(DnsblCheck.reversed(InetAddress.getByName("2001:db8:1:2:3:4:567:89ab")))
                .isEqualTo("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2");
    }

    @Test
    void aZoneListThatIsNotOneFailsStartUp() {
        assertThatThrownBy(() -> new DnsblCheck(DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(1)))
                .init(TestMails.config("DnsblCheck", Map.of("zones", "bl.test=lots")))).hasMessageContaining("zones");
        assertThatThrownBy(() -> new DnsblCheck(DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(1)))
                .init(TestMails.config("DnsblCheck", Map.of()))).hasMessageContaining("zones");
    }
}
