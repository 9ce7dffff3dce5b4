package io.tenmail.protocol.dns;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsLookupTest {
    @Test
    void resolversAreHostsWithAnOptionalPortSeparatedByCommas() {
        assertThat(DnsLookup.servers("127.0.0.1:5353, 192.0.2.1 ,[::1]:53,[2001:db8::1]")).containsExactly(
                new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("192.0.2.1", 53),
                new InetSocketAddress("::1", 53), new InetSocketAddress("2001:db8::1", 53));
        assertThat(DnsLookup.servers("")).isEmpty();
    }

    @Test
    void aMalformedResolverNamesTheSetting() {
        assertThatThrownBy(() -> DnsLookup.servers("127.0.0.1:dns")).hasMessageContaining(DnsLookup.RESOLVERS);
        assertThatThrownBy(() -> DnsLookup.servers("127.0.0.1:70000")).hasMessageContaining(DnsLookup.RESOLVERS);
        assertThatThrownBy(() -> DnsLookup.servers("[::1:53")).hasMessageContaining(DnsLookup.RESOLVERS);
    }
}
