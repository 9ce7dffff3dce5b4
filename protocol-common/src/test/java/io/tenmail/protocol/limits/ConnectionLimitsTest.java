package io.tenmail.protocol.limits;

import io.tenmail.protocol.limits.ConnectionLimits.Verdict;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionLimitsTest {

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void anAddressMayOpenUpToItsLimitAndAgainAfterAClose() {
        ConnectionLimits limits = new ConnectionLimits(100, 2);
        assertThat(limits.tryOpen(ip("192.0.2.1"))).isEqualTo(Verdict.ALLOWED);
        assertThat(limits.tryOpen(ip("192.0.2.1"))).isEqualTo(Verdict.ALLOWED);
        assertThat(limits.tryOpen(ip("192.0.2.1"))).isEqualTo(Verdict.TOO_MANY_FROM_ADDRESS);
        assertThat(limits.tryOpen(ip("192.0.2.2"))).isEqualTo(Verdict.ALLOWED);
        limits.closed(ip("192.0.2.1"));
        assertThat(limits.tryOpen(ip("192.0.2.1"))).isEqualTo(Verdict.ALLOWED);
        assertThat(limits.total()).isEqualTo(3);
    }

    @Test
    void theTotalLimitAppliesAcrossAddresses() {
        ConnectionLimits limits = new ConnectionLimits(2, 10);
        limits.tryOpen(ip("192.0.2.1"));
        limits.tryOpen(ip("192.0.2.2"));
        assertThat(limits.tryOpen(ip("192.0.2.3"))).isEqualTo(Verdict.TOO_MANY_TOTAL);
        limits.closed(ip("192.0.2.2"));
        assertThat(limits.tryOpen(ip("192.0.2.3"))).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void ipv6ClientsCountPerSlash64AndMappedIpv4AsIpv4() {
        ConnectionLimits limits = new ConnectionLimits(100, 1);
        assertThat(limits.tryOpen(ip("2001:db8:1:2::1"))).isEqualTo(Verdict.ALLOWED);
        assertThat(limits.tryOpen(ip("2001:db8:1:2::ffff"))).isEqualTo(Verdict.TOO_MANY_FROM_ADDRESS);
        assertThat(limits.tryOpen(ip("2001:db8:1:3::1"))).isEqualTo(Verdict.ALLOWED);
        assertThat(limits.tryOpen(ip("192.0.2.9"))).isEqualTo(Verdict.ALLOWED);
        assertThat(limits.from(ip("::ffff:192.0.2.9"))).isEqualTo(1);
    }

    @Test
    void closingAConnectionThatWasNeverCountedIsABug() {
        ConnectionLimits limits = new ConnectionLimits(1, 1);
        assertThatThrownBy(() -> limits.closed(ip("192.0.2.1"))).isInstanceOf(IllegalStateException.class);
    }
}
