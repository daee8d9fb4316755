package org.vrouter.api.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.PortRange;

class NetworkAclItemTest {
    @Test
    void acceptsNumericProtocols() {
        NetworkAclItem ipv6InIpv4 = NetworkAclItem.of(1, 10, NetworkAclItem.Action.DENY, Direction.INGRESS, Protocol.number(41))
                .withCidrs(List.of(cidr("192.168.5.0/24")));
        assertThat(ipv6InIpv4.protocol().protocolNumber()).hasValue(41);
    }

    @Test
    void portsOnlyForTcpAndUdp() {
        assertThat(NetworkAclItem.of(1, 1, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.TCP).withPorts(PortRange.of(22)).ports())
                .hasValue(PortRange.of(22));
        assertInvalid(() -> NetworkAclItem.of(1, 1, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.number(41))
                .withPorts(PortRange.of(22)), "port_range");
    }

    @Test
    void numberStartsAtOne() {
        assertInvalid(() -> NetworkAclItem.of(1, 0, NetworkAclItem.Action.ALLOW, Direction.EGRESS, Protocol.ALL), "number");
    }

    @Test
    void icmpOnlyForIcmp() {
        assertInvalid(() -> new NetworkAclItem(1, 1, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.UDP, Optional.empty(),
                Optional.of(Icmp.any()), List.of(), RuleState.ADD), "icmp_type");
    }

    @Test
    void parsesActionAndDirectionWireNames() {
        assertThat(NetworkAclItem.Action.fromWireName("action", "allow")).isEqualTo(NetworkAclItem.Action.ALLOW);
        assertThat(Direction.fromWireName("traffic_type", "EGRESS")).isEqualTo(Direction.EGRESS);
        assertInvalid(() -> Direction.fromWireName("traffic_type", "both"), "traffic_type").hasMessageContaining("[Ingress, Egress]");
    }
}
