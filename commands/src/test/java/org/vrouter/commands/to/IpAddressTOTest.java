package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;

class IpAddressTOTest {
    static IpAddressTO publicIp(String ip) {
        return IpAddressTO.builder(IpAddress.parse(ip), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(64), IpAddress.parse("203.0.113.1"), Netmask.parse("255.255.255.0"))
                .vifMacAddress(MacAddress.parse("1e:00:5d:00:00:14"))
                .sourceNat(true)
                .firstIp(true)
                .build();
    }

    @Test
    void resourceFillsInTheNicDeviceId() {
        IpAddressTO ip = publicIp("203.0.113.20");

        IpAddressTO filled = ip.withNicDeviceId(2).withNewNic(true);

        assertThat(ip.nicDeviceId()).isEmpty();
        assertThat(filled.nicDeviceId()).hasValue(2);
        assertThat(filled.newNic()).isTrue();
        assertThat(filled.publicIp()).isEqualTo(ip.publicIp());
        assertThat(filled.cidr()).contains(Cidr.parse("203.0.113.20/24"));
    }

    @Test
    void addsByDefault() {
        assertThat(publicIp("203.0.113.20").add()).isTrue();
    }

    @Test
    void rejectsVlanGatewayOutsideTheAddressNetwork() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> IpAddressTO.builder(IpAddress.parse("198.51.100.5"), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(64), IpAddress.parse("203.0.113.1"), Netmask.parse("255.255.255.0"))
                .build());

        assertThat(error.field()).isEqualTo("gateway");
    }

    @Test
    void rejectsNicDeviceIdOutOfRange() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> publicIp("203.0.113.20").withNicDeviceId(-1));

        assertThat(error.field()).isEqualTo("nic_dev_id");
    }
}
