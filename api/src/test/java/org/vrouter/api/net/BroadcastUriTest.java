package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BroadcastUriTest {
    @Test
    void parsesTaggedVlans() {
        BroadcastUri uri = BroadcastUri.parse("broadcast_uri", "vlan://100");
        assertThat(uri.vlanId()).hasValue(100);
        assertThat(uri).hasToString("vlan://100");
        assertThat(BroadcastUri.parse("broadcast_uri", "VLAN://4094")).isEqualTo(BroadcastUri.vlan(4094));
    }

    @Test
    void acceptsUntaggedVlanWithoutId() {
        assertThat(BroadcastUri.parse("broadcast_uri", "vlan://untagged").vlanId()).isEmpty();
    }

    @Test
    void rejectsVlanZero() {
        assertInvalid(() -> BroadcastUri.parse("broadcast_uri", "vlan://0"), "broadcast_uri").hasMessageContaining("between 1 and 4094");
    }

    @Test
    void rejectsVlan4095() {
        assertInvalid(() -> BroadcastUri.parse("broadcast_uri", "vlan://4095"), "broadcast_uri").hasMessageContaining("between 1 and 4094");
    }

    @Test
    void rejectsVlan5000ButAcceptsVxlan5000() {
        assertInvalid(() -> BroadcastUri.parse("vlan", "vlan://5000"), "vlan");
        BroadcastUri vxlan = BroadcastUri.parse("vlan", "vxlan://5000");
        assertThat(vxlan.scheme()).isEqualTo("vxlan");
        assertThat(vxlan.vlanId()).isEmpty();
        assertInvalid(() -> BroadcastUri.parse("vlan", "vxlan://16777216"), "vlan");
    }

    @Test
    void parsesPvlanWithPrimaryAsVlanId() {
        assertThat(BroadcastUri.parse("broadcast_uri", "pvlan://100-i200").vlanId()).hasValue(100);
        assertInvalid(() -> BroadcastUri.parse("broadcast_uri", "pvlan://100-200"), "broadcast_uri").hasMessageContaining("pvlan://<primary>-i<secondary>");
        assertInvalid(() -> BroadcastUri.parse("broadcast_uri", "pvlan://100-i4095"), "broadcast_uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "vlan:100", "vlan://", "://100", "vlan://10 0", "vlan://100\n", "vlan://abc", "1vlan://100"})
    void rejectsMalformedUris(String text) {
        assertInvalid(() -> BroadcastUri.parse("broadcast_uri", text), "broadcast_uri");
    }

    @Test
    void namesTheCallersFieldInErrors() {
        assertInvalid(() -> BroadcastUri.parse("isolation_uri", "vlan://0"), "isolation_uri");
    }
}
