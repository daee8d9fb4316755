package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @Test
    void computesNetworkBroadcastAndNetmask() {
        Cidr cidr = Cidr.parse("10.1.1.5/24");
        assertThat(cidr.network()).hasToString("10.1.1.0/24");
        assertThat(cidr.broadcast()).hasToString("10.1.1.255");
        assertThat(cidr.netmask()).hasToString("255.255.255.0");
        assertThat(cidr.isNetworkAddress()).isFalse();
        assertThat(cidr.network().isNetworkAddress()).isTrue();
    }

    @Test
    void handlesOddPrefixes() {
        assertThat(Cidr.parse("10.1.1.77/26").network()).hasToString("10.1.1.64/26");
        assertThat(Cidr.parse("10.1.1.77/26").broadcast()).hasToString("10.1.1.127");
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpAddress.parse("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("10.1.1.7/32").broadcast()).hasToString("10.1.1.7");
    }

    @Test
    void computesIpv6Networks() {
        Cidr cidr = Cidr.parse("fd00:1:2:3::55/64");
        assertThat(cidr.network()).hasToString("fd00:1:2:3::/64");
        assertThat(cidr.broadcast()).hasToString("fd00:1:2:3:ffff:ffff:ffff:ffff");
        assertThatThrownBy(cidr::netmask).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void containsAddressesAndSubnets() {
        Cidr cidr = Cidr.parse("10.1.0.0/16");
        assertThat(cidr.contains(IpAddress.parse("10.1.255.254"))).isTrue();
        assertThat(cidr.contains(IpAddress.parse("10.2.0.1"))).isFalse();
        assertThat(cidr.contains(Cidr.parse("10.1.4.0/24"))).isTrue();
        assertThat(cidr.contains(Cidr.parse("10.0.0.0/8"))).isFalse();
        assertThat(cidr.contains(IpAddress.parse("::ffff:a01:1"))).as("another family").isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpAddress.parse("255.255.255.255"))).isTrue();
        assertThat(Cidr.parse("203.0.113.7/32").contains(IpAddress.parse("203.0.113.7"))).isTrue();
        assertThat(Cidr.parse("203.0.113.7/32").contains(IpAddress.parse("203.0.113.6"))).isFalse();
        assertThat(Cidr.parse("10.1.1.0/25").contains(IpAddress.parse("10.1.1.128"))).isFalse();
        assertThat(Cidr.parse("10.1.1.128/25").contains(IpAddress.parse("10.1.1.255"))).isTrue();
    }

    @Test
    void buildsFromAddressAndDottedNetmask() {
        assertThat(Cidr.of(IpAddress.parse("192.168.4.9"), Netmask.parse("255.255.252.0")).network()).hasToString("192.168.4.0/22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.1.0", "10.1.1.0/", "10.1.1.0/33", "10.1.1.0/-1", "10.1.1.0/2a", "10.1.1/24", "10.1.1.0/24/1",
            "fd00::/129"})
    void rejectsMalformedCidrsNamingTheField(String text) {
        assertInvalid(() -> Cidr.parse("guest_cidr", text), "guest_cidr");
    }

    @Test
    void parseNetworkRejectsHostBitsAndSuggestsTheNetwork() {
        assertInvalid(() -> Cidr.parseNetwork("cidr", "10.1.1.5/24"), "cidr").hasMessageContaining("did you mean 10.1.1.0/24");
        assertThat(Cidr.parseNetwork("cidr", "10.1.1.0/24")).hasToString("10.1.1.0/24");
    }

    @Test
    void requireNetworkAddressNamesTheCallersField() {
        assertThat(Cidr.parse("fd00::/64").requireNetworkAddress("ip6_cidr")).isEqualTo(Cidr.parse("fd00::/64"));
        assertInvalid(() -> Cidr.parse("172.16.1.1/16").requireNetworkAddress("vpc_cidr"), "vpc_cidr")
                .hasMessageContaining("did you mean 172.16.0.0/16");
    }
}
