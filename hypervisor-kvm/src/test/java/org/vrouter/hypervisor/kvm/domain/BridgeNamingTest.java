package org.vrouter.hypervisor.kvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.NicTO;

class BridgeNamingTest {
    private final BridgeNaming naming = BridgeNaming.defaults();

    private static NicTO.Builder nic(TrafficType type) {
        return NicTO.builder(0, MacAddress.parse("mac", "02:00:00:00:00:01"), type);
    }

    @Test
    void controlNicsGoOnCloud0() {
        assertThat(naming.bridgeFor(nic(TrafficType.CONTROL).networkName("ignored").build())).isEqualTo("cloud0");
    }

    @Test
    void aVlanNicGoesOnTheVlanBridgeOfItsLabel() {
        assertThat(naming.bridgeFor(nic(TrafficType.GUEST).broadcastUri(BroadcastUri.vlan(100)).build())).isEqualTo("brcloudbr0-100");
        assertThat(naming.bridgeFor(nic(TrafficType.PUBLIC).broadcastUri(BroadcastUri.vlan(4094)).networkName("eth1").build()))
                .isEqualTo("breth1-4094");
    }

    @Test
    void anUntaggedNicGoesOnItsLabelOrTheTrafficTypesBridge() {
        assertThat(naming.bridgeFor(nic(TrafficType.PUBLIC).broadcastUri(new BroadcastUri("vlan", "untagged")).build())).isEqualTo("cloudbr0");
        assertThat(naming.bridgeFor(nic(TrafficType.GUEST).networkName("cloudbr1").build())).isEqualTo("cloudbr1");
        assertThat(naming.withTrafficBridge(TrafficType.PUBLIC, "pubbr").bridgeFor(nic(TrafficType.PUBLIC).build())).isEqualTo("pubbr");
    }

    @Test
    void aVxlanNicGoesOnItsVniBridge() {
        assertThat(naming.bridgeFor(nic(TrafficType.GUEST).broadcastUri(new BroadcastUri("vxlan", "5000")).build())).isEqualTo("brvx-5000");
    }

    @Test
    void theVlanTemplateIsConfigurable() {
        assertThat(naming.withVlanTemplate("vlan{vlan}").bridgeFor(nic(TrafficType.GUEST).broadcastUri(BroadcastUri.vlan(7)).build()))
                .isEqualTo("vlan7");
        assertThatThrownBy(() -> naming.withVlanTemplate("br-fixed")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vlan_template");
    }

    @Test
    void refusesNamesLinuxCannotUse() {
        assertThatThrownBy(() -> naming.withVlanTemplate("bridge-{label}-{vlan}").bridgeFor(nic(TrafficType.GUEST)
                .broadcastUri(BroadcastUri.vlan(100)).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("nics[0].bridge").hasMessageContaining("bridge-cloudbr0-100");
    }

    @Test
    void refusesANicWithoutAnyLabel() {
        BridgeNaming controlOnly = new BridgeNaming("cloud0", Map.of(), "br{label}-{vlan}", "brvx-{vni}");
        assertThatThrownBy(() -> controlOnly.bridgeFor(nic(TrafficType.STORAGE).build())).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("no bridge configured for Storage");
    }
}
