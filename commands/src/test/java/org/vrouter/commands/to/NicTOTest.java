package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;

class NicTOTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:4c:5f:00:01");

    @Test
    void buildsAGuestNicWithDerivedViews() {
        NicTO nic = NicTO.builder(2, MAC, TrafficType.GUEST)
                .ipv4(IpAddress.parse("10.1.1.1"), Netmask.parse("255.255.255.0"), IpAddress.parse("10.1.1.254"))
                .broadcastUri(BroadcastUri.vlan(100))
                .dns(IpAddress.parse("8.8.8.8"), IpAddress.parse("8.8.4.4"))
                .mtu(1500)
                .build();

        assertThat(nic.deviceName()).isEqualTo("eth2");
        assertThat(nic.cidr()).contains(Cidr.parse("10.1.1.1/24"));
        assertThat(nic.vlanId()).hasValue(100);
        assertThat(nic.defaultNic()).isFalse();
    }

    @Test
    void rejectsGatewayOutsideTheNicNetwork() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> NicTO.builder(0, MAC, TrafficType.GUEST)
                .ipv4(IpAddress.parse("10.1.1.1"), Netmask.parse("255.255.255.0"), IpAddress.parse("10.1.2.1"))
                .build());

        assertThat(error.field()).isEqualTo("gateway");
        assertThat(error).hasMessageContaining("10.1.1.0/24").hasMessageContaining("10.1.2.1");
    }

    @Test
    void rejectsAddressWithoutNetmask() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> new NicTO(0, MAC,
                Optional.of(IpAddress.parse("10.1.1.1")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), TrafficType.GUEST, false, Optional.empty(),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));

        assertThat(error.field()).isEqualTo("netmask");
    }

    @Test
    void rejectsIpv6AddressOutsideItsCidr() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> NicTO.builder(0, MAC, TrafficType.GUEST)
                .ipv6(IpAddress.parse("fd00:1::5"), IpAddress.parse("fd00::1"), Cidr.parse("fd00::/64"))
                .build());

        assertThat(error.field()).isEqualTo("ip6_address");
    }

    @Test
    void rejectsMtuBelow68() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> NicTO.builder(0, MAC, TrafficType.PUBLIC).mtu(10).build());

        assertThat(error.field()).isEqualTo("mtu");
    }

    @Test
    void rejectsTrafficLabelWithNewline() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> NicTO.builder(0, MAC, TrafficType.PUBLIC).networkName("cloudbr0\nx").build());

        assertThat(error.field()).isEqualTo("name");
    }
}
