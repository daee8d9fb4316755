package org.vrouter.commands.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;

/** Fields CloudStack has sent under two names: both are read, the current one is written, a conflict is an error. */
class PayloadAliasesTest {
    private final PayloadCodec codec = new PayloadCodec();

    @Test
    void readsBothMonitorIntervalSpellings() {
        String advance = "{\"health_checks_advance_run_interval\":10,\"type\":\"monitorservice\",\"delete_from_processed_cache\":true}";
        String advanced = advance.replace("advance_", "advanced_");
        MonitorServicePayload fromManagement = codec.parse(advance, MonitorServicePayload.class);
        MonitorServicePayload fromRouter = codec.parse(advanced, MonitorServicePayload.class);
        assertThat(fromRouter).isEqualTo(fromManagement);
        assertThat(fromRouter.healthChecksAdvanceRunInterval()).contains(10);
        assertThat(codec.toJson(fromRouter)).isEqualTo(advance);
    }

    @Test
    void acceptsBothSpellingsWithTheSameValue() {
        String both = "{\"health_checks_advance_run_interval\":10,\"health_checks_advanced_run_interval\":10,"
                + "\"type\":\"monitorservice\",\"delete_from_processed_cache\":true}";
        assertThat(codec.parse(both, MonitorServicePayload.class).healthChecksAdvanceRunInterval()).contains(10);
    }

    @Test
    void rejectsBothSpellingsWithDifferentValues() {
        String both = "{\"health_checks_advance_run_interval\":10,\"health_checks_advanced_run_interval\":0,"
                + "\"type\":\"monitorservice\",\"delete_from_processed_cache\":true}";
        assertThatThrownBy(() -> codec.parse(both)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("health_checks_advanced_run_interval"));
    }

    @Test
    void readsTheEarlierBgpFieldNames() {
        BgpPeersPayload old = codec.parse(PayloadGoldenTest.Goldens.read("bgppeers/old-names.in"), BgpPeersPayload.class);
        BgpPeer peer = old.peers().get(0);
        assertThat(peer.peerAsNumber()).isEqualTo(64496);
        assertThat(peer.peerPassword().orElseThrow().reveal()).isEqualTo("pw");
        assertThat(peer.guestIp4Cidr()).map(Object::toString).contains("10.1.1.0/24");
        assertThat(peer.guestIp6Cidr()).map(Object::toString).contains("fd00:1:2:3::/64");
        assertThat(peer.networkAsNumber()).isEmpty();
    }

    @Test
    void rejectsConflictingBgpNames() {
        String json = "{\"peers\":[{\"peer_id\":1,\"peer_as_number\":64496,\"as_number\":64497,\"ip4_address\":\"100.64.0.1\","
                + "\"network_id\":100}],\"type\":\"bgppeers\",\"delete_from_processed_cache\":false}";
        assertThatThrownBy(() -> codec.parse(json)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("peers[0].as_number"));
    }

    @Test
    void rejectsABgpPeerWithoutAnAsNumber() {
        String json = "{\"peers\":[{\"peer_id\":1,\"ip4_address\":\"100.64.0.1\",\"network_id\":100}],"
                + "\"type\":\"bgppeers\",\"delete_from_processed_cache\":false}";
        assertThatThrownBy(() -> codec.parse(json)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("peers[0].peer_as_number"));
    }
}
