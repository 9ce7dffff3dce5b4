package io.tenmail.storage.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpNetworkTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);   // literals only: no DNS
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anIpv4BlockContainsItsAddressesOnly() {
        IpNetwork n = IpNetwork.parse("192.0.2.0/24");
        assertThat(n.contains(ip("192.0.2.0"))).isTrue();
        assertThat(n.contains(ip("192.0.2.255"))).isTrue();
        assertThat(n.contains(ip("192.0.3.1"))).isFalse();
        assertThat(n.contains(ip("2001:db8::1"))).isFalse();
    }

    @Test
    void aPrefixNotOnAByteBoundaryIsHonoured() {
        IpNetwork n = IpNetwork.parse("10.1.2.128/25");
        assertThat(n.contains(ip("10.1.2.200"))).isTrue();
        assertThat(n.contains(ip("10.1.2.127"))).isFalse();
    }

    @Test
    void aSingleAddressIsAFullLengthPrefix() {
        IpNetwork n = IpNetwork.parse("198.51.100.7");
        assertThat(n.prefixLength()).isEqualTo(32);
        assertThat(n.contains(ip("198.51.100.7"))).isTrue();
        assertThat(n.contains(ip("198.51.100.8"))).isFalse();
    }

    @Test
    void anIpv6BlockContainsItsAddressesOnly() {
        IpNetwork n = IpNetwork.parse("2001:db8:abcd::/48");
        assertThat(n.contains(ip("2001:db8:abcd:1::5"))).isTrue();
        assertThat(n.contains(ip("2001:db8:abce::1"))).isFalse();
        assertThat(n.contains(ip("192.0.2.1"))).isFalse();
    }

    @Test
    void anIpv4BlockMatchesTheMappedFormOfItsAddresses() {
        IpNetwork n = IpNetwork.parse("192.0.2.0/24");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        mapped[14] = 2;
        mapped[15] = 9;
        try {
            assertThat(n.contains(InetAddress.getByAddress(mapped))).isTrue();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void zeroPrefixMatchesEverythingOfItsFamily() {
        assertThat(IpNetwork.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(IpNetwork.parse("::/0").contains(ip("2001:db8::9"))).isTrue();
    }

    @Test
    void hostBitsAreClearedInTheCanonicalForm() {
        assertThat(IpNetwork.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
        assertThat(IpNetwork.parse("2001:db8::1/32")).isEqualTo(IpNetwork.parse("2001:db8::/32"));
        assertThat(IpNetwork.parse(IpNetwork.parse("2001:db8::/32").toString())).isEqualTo(IpNetwork.parse("2001:db8::/32"));
    }

    /** RFC 5952 §4 and its examples: longest zero run compressed, first on a tie, lower case. */
    @ParameterizedTest
    @CsvSource({
            "2001:db8::/32, 2001:db8::/32",
            "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1/128",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1/128",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1/128",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1/128",
            "::/0, ::/0",
            "::1, ::1/128",
            "fe80::/10, fe80::/10",
            "1:0:0:0:0:0:0:0, 1::/128",
            "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1/128",
            "192.0.2.77/24, 192.0.2.0/24"})
    void theTextFormIsCanonical(String input, String canonical) {
        IpNetwork n = IpNetwork.parse(input);
        assertThat(n).hasToString(canonical);
        assertThat(IpNetwork.parse(n.toString())).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mail.example.test", "10.0.0", "10.0.0.256", "10.0.0.1/33", "10.0.0.1/", "010.0.0.1",
            "2001:db8::/129", "2001:db8::g", "zz::1", "[::1]", "fe80::1%eth0", "10.0.0.1/-1", "::ffff:10.0.0.1/8 extra"})
    void nonsenseIsRefused(String text) {
        assertThatThrownBy(() -> IpNetwork.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
