package org.vrouter.api.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;

class NicTest {
    private static Nic.Builder guestNic() {
        return Nic.builder(5, 0, TrafficType.GUEST, MacAddress.parse("02:00:11:22:33:44"));
    }

    @Test
    void buildsAGuestNic() {
        Nic nic = guestNic().ipv4(ip("10.1.1.23"), Netmask.parse("255.255.255.0"), ip("10.1.1.1"))
                .broadcastUri(BroadcastUri.vlan(100))
                .defaultNic(true)
                .build();
        assertThat(nic.deviceName()).isEqualTo("eth0");
        assertThat(nic.ipv4Cidr()).hasValue(cidr("10.1.1.23/24"));
        assertThat(nic.isolationUri()).isEqualTo(nic.broadcastUri());
    }

    @Test
    void rejectsGatewayOutsideTheSubnet() {
        assertInvalid(() -> guestNic().ipv4(ip("10.1.1.23"), Netmask.parse("255.255.255.0"), ip("10.1.2.1")).build(), "gateway")
                .hasMessageContaining("not inside the NIC's subnet 10.1.1.0/24");
    }

    @Test
    void acceptsTheLinkLocalControlGateway() {
        Nic control = Nic.builder(2, 1, TrafficType.CONTROL, MacAddress.parse("0e:00:a9:fe:03:2c"))
                .ipv4(ip("169.254.3.44"), Netmask.parse("255.255.0.0"), ip("169.254.0.1"))
                .build();
        assertThat(control.gateway()).hasValue(ip("169.254.0.1"));
    }

    @Test
    void rejectsIpv6AddressInTheIpv4Slot() {
        assertInvalid(() -> guestNic().ipv4(ip("fd00::5"), Netmask.parse("255.255.255.0")).build(), "ip_address");
    }

    @Test
    void rejectsIpv6AddressOutsideItsCidr() {
        assertInvalid(() -> guestNic().ipv6(ip("fd00:2::5"), cidr("fd00:1::/64"), ip("fd00:1::1")).build(), "ip6_address")
                .hasMessageContaining("not inside ip6_cidr fd00:1::/64");
        assertInvalid(() -> guestNic().ipv6(ip("fd00:1::5"), cidr("fd00:1::/64"), ip("fd00:3::1")).build(), "ip6_gateway");
    }

    @Test
    void rejectsDeviceIdOutOfRangeAndSmallMtu() {
        assertInvalid(() -> guestNic().deviceId(256).build(), "device_id");
        assertInvalid(() -> guestNic().mtu(40).build(), "mtu");
    }

    @Test
    void macFormatIsCheckedWhereTheNicGetsIt() {
        assertInvalid(() -> MacAddress.parse("mac_address", "02:00:11:22:33"), "mac_address");
    }
}
