package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
    @ParameterizedTest
    @CsvSource({
            "10.1.1.5, 10.1.1.5",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "2001:DB8::1, 2001:db8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "1:0:1:1:1:1:1:1, 1:0:1:1:1:1:1:1",
            "::, ::",
            "::1, ::1",
            "fe80:0:0:0:0:0:0:0, fe80::"
    })
    void parsesToCanonicalForm(String input, String canonical) {
        assertThat(IpAddress.parse("ip", input).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.1.1", "10.1.1.1.1", "10.1.1.256", "10.1.1.05", "10.1.1.-1", " 10.1.1.1", "localhost",
            "example.com", "fe80::1%eth0", "2001:db8::g", "1:2:3:4:5:6:7:8:9", "10.1.1.1/24"})
    void rejectsNonLiterals(String input) {
        assertInvalid(() -> IpAddress.parse("vm_ip", input), "vm_ip").hasMessageContaining("not an IPv4 or IPv6 address");
    }

    @Test
    void rejectsMissingValueNamingTheField() {
        assertInvalid(() -> IpAddress.parse("gateway", null), "gateway").hasMessageContaining("is missing");
    }

    @Test
    void constructorInsistsOnCanonicalForm() {
        assertInvalid(() -> new IpAddress("2001:DB8::1"), "address").hasMessageContaining("expected 2001:db8::1");
    }

    @Test
    void knowsItsFamily() {
        assertThat(IpAddress.parse("10.0.0.1").isIpv4()).isTrue();
        assertThat(IpAddress.parse("fd00::1").isIpv6()).isTrue();
    }

    @Test
    void roundTripsThroughBytes() {
        IpAddress address = IpAddress.parse("fd00::abcd:1");
        assertThat(IpAddress.ofBytes(address.bytes())).isEqualTo(address);
        assertThat(IpAddress.parse("192.168.0.1").bytes()).containsExactly((byte) 192, (byte) 168, 0, 1);
    }

    @Test
    void ordersNumericallyAndIpv4First() {
        assertThat(IpAddress.parse("10.0.0.9")).isLessThan(IpAddress.parse("10.0.0.10"));
        assertThat(IpAddress.parse("255.255.255.255")).isLessThan(IpAddress.parse("::1"));
        assertThat(IpAddress.parse("9.255.255.255")).isLessThan(IpAddress.parse("10.0.0.0"));
        assertThat(IpAddress.parse("128.0.0.0")).isGreaterThan(IpAddress.parse("127.255.255.255"));
        assertThat(IpAddress.parse("10.1.2.3")).isEqualByComparingTo(IpAddress.parse("10.1.2.3"));
    }

    @Test
    void requiresAFamilyNamingTheCallersField() {
        assertThat(IpAddress.parse("10.0.0.1").requireIpv4("gateway")).isEqualTo(IpAddress.parse("10.0.0.1"));
        assertThat(IpAddress.parse("fd00::1").requireIpv6("ip6_gateway")).isEqualTo(IpAddress.parse("fd00::1"));
        assertInvalid(() -> IpAddress.parse("fd00::1").requireIpv4("gateway"), "gateway").hasMessageContaining("must be an IPv4 address");
        assertInvalid(() -> IpAddress.parse("10.0.0.1").requireIpv6("ip6_gateway"), "ip6_gateway").hasMessageContaining("must be an IPv6 address");
    }
}
