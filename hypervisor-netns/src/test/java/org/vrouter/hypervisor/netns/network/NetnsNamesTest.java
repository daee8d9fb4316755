package org.vrouter.hypervisor.netns.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.network.TrafficType;

class NetnsNamesTest {
    private final NetnsNames names = NetnsNames.of("vt1");

    @Test
    void namespacesCarryThePrefix() {
        assertThat(names.hypervisorNamespace()).isEqualTo("vt1-hv");
        assertThat(names.routerNamespace("r-5-VM")).isEqualTo("vt1-r-5-VM");
        assertThat(names.guestNamespace("vm-1")).isEqualTo("vt1-g-vm-1");
        assertThat(names.owns("vt1-r-5-VM")).isTrue();
        assertThat(names.owns("vt12-r-5-VM")).isFalse();
    }

    @Test
    void rejectsPrefixesThatCouldCollideOrGrowTooLong() {
        assertThatThrownBy(() -> NetnsNames.of("Vt")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> NetnsNames.of("1vt")).hasMessageContaining("starting with a letter");
        assertThatThrownBy(() -> NetnsNames.of("abcdefghijklm")).hasMessageContaining("1-12");
        assertThatThrownBy(() -> NetnsNames.of("v-t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsARouterNameThatMakesNoNamespaceName() {
        assertThatThrownBy(() -> names.routerNamespace("r".repeat(62))).hasMessageContaining("1-64");
    }

    @Test
    void uniqueNamesDifferWithinOneJvm() {
        NetnsNames first = NetnsNames.unique("vt");
        NetnsNames second = NetnsNames.unique("vt");

        assertThat(first.prefix()).startsWith("vt").isNotEqualTo(second.prefix());
        assertThat(first.prefix().length()).isLessThanOrEqualTo(12);
    }

    @Test
    void oneBridgePerTrafficTypeAndBroadcastDomain() {
        assertThat(NetnsNames.bridge(TrafficType.GUEST, Optional.of(BroadcastUri.vlan(100)))).isEqualTo("br-g100");
        assertThat(NetnsNames.bridge(TrafficType.PUBLIC, Optional.of(BroadcastUri.vlan(100)))).isEqualTo("br-p100");
        assertThat(NetnsNames.bridge(TrafficType.PUBLIC, Optional.of(BroadcastUri.parse("vlan://untagged")))).isEqualTo("br-pu");
        assertThat(NetnsNames.bridge(TrafficType.GUEST, Optional.empty())).isEqualTo("br-gu");
        assertThat(NetnsNames.bridge(TrafficType.GUEST, Optional.of(BroadcastUri.parse("pvlan://200-i300")))).isEqualTo("br-g200");
        assertThat(NetnsNames.bridge(TrafficType.CONTROL, Optional.of(BroadcastUri.vlan(5)))).isEqualTo("br-ctl");
    }

    @Test
    void otherBroadcastUrisGetAStableShortHash() {
        String bridge = NetnsNames.bridge(TrafficType.GUEST, Optional.of(BroadcastUri.parse("vxlan://5000")));

        assertThat(bridge).matches("br-g[0-9a-f]{8}");
        assertThat(NetnsNames.bridge(TrafficType.GUEST, Optional.of(BroadcastUri.parse("vxlan://5000")))).isEqualTo(bridge);
        assertThat(NetnsNames.bridge(TrafficType.GUEST, Optional.of(BroadcastUri.parse("vxlan://5001")))).isNotEqualTo(bridge);
    }

    @Test
    void linkNamesFitLinuxsFifteenCharacters() {
        assertThat(NetnsNames.routerLink(1, 0)).isEqualTo("vr1-eth0");
        assertThat(NetnsNames.routerLink(NetnsNames.MAX_SLOT, 255)).hasSizeLessThanOrEqualTo(15);
        assertThat(NetnsNames.guestLink(NetnsNames.MAX_SLOT)).isEqualTo("vg99999-eth0");
        assertThat(NetnsNames.bridge(TrafficType.VPN, Optional.of(BroadcastUri.vlan(4094)))).hasSizeLessThanOrEqualTo(15);
        assertThatThrownBy(() -> NetnsNames.routerLink(0, 0)).hasMessageContaining("slot");
        assertThatThrownBy(() -> NetnsNames.guestLink(NetnsNames.MAX_SLOT + 1)).hasMessageContaining("slot");
    }
}
