package io.tenmail.smtp.remote;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    @Test
    void domainRoutesListTheirHostsInOrderWithDefaultPorts() {
        RouteTable t = RouteTable.parse("Example.COM.=mx1.example.net:2525, mx2.example.net; other.test=[2001:db8::1]:26", 25, 587);
        assertThat(t.routeFor("example.com")).hasValueSatisfying(r -> {
            assertThat(r.hosts()).containsExactly(new HostPort("mx1.example.net", 2525), new HostPort("mx2.example.net", 25));
            assertThat(r.smartHost()).isFalse();
        });
        assertThat(t.routeFor("OTHER.test").orElseThrow().hosts()).containsExactly(new HostPort("2001:db8::1", 26));
        assertThat(t.routeFor("elsewhere.test")).isEmpty();
    }

    @Test
    void theStarRouteIsTheSmartHostForEveryOtherDomain() {
        RouteTable t = RouteTable.parse("local.test=127.0.0.1\n*=smtp.isp.example", 25, 587);
        assertThat(t.hasSmartHost()).isTrue();
        assertThat(t.routeFor("anywhere.example")).hasValueSatisfying(r -> {
            assertThat(r.hosts()).containsExactly(new HostPort("smtp.isp.example", 587));
            assertThat(r.smartHost()).isTrue();
        });
        assertThat(t.routeFor("local.test").orElseThrow().smartHost()).isFalse();
    }

    @Test
    void anEmptyTextIsAnEmptyTable() {
        assertThat(RouteTable.parse("  ", 25, 587).size()).isZero();
        assertThat(RouteTable.parse("", 25, 587).routeFor("x.test")).isEmpty();
    }

    @Test
    void badEntriesAreRefusedWithTheirDomain() {
        for (String bad : List.of("example.com", "=host", "example.com=", "example.com=host:99999", "a.test=h; a.test=i",
                "example.com=2001:db8::1", "a@b.test=h")) {
            assertThatThrownBy(() -> RouteTable.parse(bad, 25, 587)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RouteTable.parse("example.com=host:x", 25, 587)).hasMessageContaining("example.com");
    }

    @Test
    void hostPortsPrintInTheirParseableForm() {
        assertThat(HostPort.parse("[::1]:25", 25).toString()).isEqualTo("[::1]:25");
        assertThat(HostPort.parse("MX.Example.com.", 25)).isEqualTo(new HostPort("mx.example.com", 25));
    }
}
