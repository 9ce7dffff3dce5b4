package io.tenmail.smtp.remote;

import io.tenmail.protocol.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MX resolution against a real DNS responder on 127.0.0.1. */
class MxResolverIT {
    private TestDnsServer dns;
    private MxResolver resolver;

    @BeforeEach
    void start() throws IOException {
        dns = new TestDnsServer();
        resolver = new MxResolver(MxResolver.resolverFor(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2)), new Random(7));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private List<String> hops(String domain) throws DeliveryException {
        return resolver.nextHops(domain, 25, 10).stream().map(NextHop::toString).toList();
    }

    @Test
    void mxHostsAreTriedByPreference() throws DeliveryException {
        dns.mx("example.test", 20, "backup.example.test").mx("example.test", 10, "mx.example.test")
                .a("mx.example.test", "192.0.2.10").a("backup.example.test", "192.0.2.20");
        assertThat(hops("example.test")).containsExactly("mx.example.test[192.0.2.10]:25", "backup.example.test[192.0.2.20]:25");
    }

    @Test
    void hostsOfEqualPreferenceComeInRandomOrder() throws DeliveryException {
        dns.mx("spread.test", 10, "a.spread.test").mx("spread.test", 10, "b.spread.test").mx("spread.test", 5, "first.spread.test")
                .a("a.spread.test", "192.0.2.1").a("b.spread.test", "192.0.2.2").a("first.spread.test", "192.0.2.3");
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            List<String> order = hops("spread.test");
            assertThat(order.get(0)).startsWith("first.spread.test");
            orders.add(order);
        }
        assertThat(orders).hasSize(2);
    }

    @Test
    void aDomainWithoutMxIsItsOwnMailHost() throws DeliveryException {
        dns.a("plain.test", "192.0.2.7").a("plain.test", "2001:db8::7");
        assertThat(hops("plain.test")).containsExactly("plain.test[192.0.2.7]:25", "plain.test[2001:db8:0:0:0:0:0:7]:25");
    }

    @Test
    void ipv4AddressesComeBeforeIpv6() throws DeliveryException {
        dns.mx("dual.test", 10, "mx.dual.test").a("mx.dual.test", "2001:db8::1").a("mx.dual.test", "192.0.2.1");
        assertThat(hops("dual.test")).containsExactly("mx.dual.test[192.0.2.1]:25", "mx.dual.test[2001:db8:0:0:0:0:0:1]:25");
    }

    @Test
    void aCnameIsFollowed() throws DeliveryException {
        dns.mx("alias.test", 10, "mail.alias.test").cname("mail.alias.test", "real.alias.test").a("real.alias.test", "192.0.2.9");
        assertThat(hops("alias.test")).containsExactly("mail.alias.test[192.0.2.9]:25");
    }

    @Test
    void aNonexistentDomainFailsPermanently() {
        assertThatThrownBy(() -> hops("nowhere.test")).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.reply()).startsWith("550 5.1.2");
        });
    }

    @Test
    void aNullMxFailsPermanentlyWithoutLookingForAddresses() {
        dns.mx("nomail.test", 0, ".").a("nomail.test", "192.0.2.5");
        assertThatThrownBy(() -> hops("nomail.test")).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.reply()).startsWith("556 5.1.10");
        });
    }

    @Test
    void aBrokenDnsServerIsATemporaryFailure() {
        dns.broken("servfail.test");
        assertThatThrownBy(() -> hops("servfail.test")).isInstanceOfSatisfying(DeliveryException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e.reply()).startsWith("451 4.4.3");
        });
    }

    @Test
    void mxHostsWithoutAddressesAreSkippedAndNoneLeftIsPermanent() throws DeliveryException {
        dns.mx("half.test", 10, "gone.half.test").mx("half.test", 20, "mx.half.test").a("mx.half.test", "192.0.2.4");
        assertThat(hops("half.test")).containsExactly("mx.half.test[192.0.2.4]:25");
        dns.mx("none.test", 10, "gone.none.test");
        assertThatThrownBy(() -> hops("none.test")).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void aSilentDnsServerIsATemporaryFailure() throws IOException {
        HostPort gone = HostPort.parse(dns.hostAndPort(), 53);
        dns.close();
        MxResolver silent = new MxResolver(MxResolver.resolverFor(List.of(gone), Duration.ofMillis(300)), new Random(1));
        assertThatThrownBy(() -> silent.nextHops("example.test", 25, 5)).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.permanent()).isFalse());
    }
}
