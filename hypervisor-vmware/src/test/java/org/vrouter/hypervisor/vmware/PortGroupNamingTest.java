package org.vrouter.hypervisor.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.NicTO;

class PortGroupNamingTest {
    private final PortGroupNaming naming = PortGroupNaming.cloudStack("vSwitch0");

    @Test
    void namesAPublicVlanWithItsRateAsCloudStackDoes() {
        NicTO nic = NicTO.builder(2, RouterFixtures.mac(1, 2), TrafficType.PUBLIC).broadcastUri(BroadcastUri.vlan(100)).networkRateMbps(200).build();

        assertThat(naming.portGroup(nic)).isEqualTo("cloud.public.100.200.1-vSwitch0");
    }

    @Test
    void putsControlAndManagementNicsOnTheUntaggedPrivatePortGroup() {
        assertThat(naming.portGroup(RouterFixtures.controlNic(1))).isEqualTo("cloud.private.untagged.0.1-vSwitch0");
        assertThat(naming.portGroup(NicTO.builder(3, RouterFixtures.mac(1, 3), TrafficType.MANAGEMENT).build()))
                .isEqualTo("cloud.private.untagged.0.1-vSwitch0");
    }

    @Test
    void takesTheVswitchFromTheTrafficLabelUpToItsFirstComma() {
        NicTO nic = NicTO.builder(0, RouterFixtures.mac(1, 0), TrafficType.GUEST).broadcastUri(BroadcastUri.vlan(1001))
                .networkName("vSwitch1,100,vmwaresvs").build();

        assertThat(naming.portGroup(nic)).isEqualTo("cloud.guest.1001.0.1-vSwitch1");
    }

    @Test
    void treatsAnUntaggedBroadcastUriAsUntagged() {
        NicTO nic = NicTO.builder(0, RouterFixtures.mac(1, 0), TrafficType.GUEST).broadcastUri(new BroadcastUri("vlan", "untagged")).build();

        assertThat(naming.portGroup(nic)).isEqualTo("cloud.guest.untagged.0.1-vSwitch0");
    }

    @Test
    void rejectsABlankDefaultVswitch() {
        assertThatThrownBy(() -> PortGroupNaming.cloudStack(" ")).isInstanceOf(InvalidParameterException.class).hasMessageContaining("vswitch");
    }
}
