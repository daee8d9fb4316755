package org.vrouter.api.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.ip;
import static org.vrouter.api.Fixtures.isolatedNetwork;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;

class NetworkConfigurationTest {
    @Test
    void holdsTheNetworksRulesAndFindsTheSourceNatAddress() {
        PublicIpAddress sourceNat = PublicIpAddress.of(ip("203.0.113.20"), BroadcastUri.vlan(50), ip("203.0.113.1"),
                Netmask.parse("255.255.255.0"), 5).asSourceNat();
        NetworkConfiguration configuration = NetworkConfiguration.builder(isolatedNetwork())
                .publicIps(List.of(sourceNat))
                .firewallRules(List.of(FirewallRule.egress(1, 5, Protocol.ALL).build()))
                .build();
        assertThat(configuration.sourceNatIp()).hasValue(sourceNat);
        assertThat(NetworkConfiguration.empty(isolatedNetwork()).firewallRules()).isEmpty();
    }

    @Test
    void rejectsARuleOfAnotherNetworkNamingItsPosition() {
        PortForwardingRule mine = PortForwardingRule.of(1, 5, ip("203.0.113.20"), PortRange.of(22), ip("10.1.1.23"), PortRange.of(22), Protocol.TCP);
        PortForwardingRule theirs = PortForwardingRule.of(2, 6, ip("203.0.113.20"), PortRange.of(23), ip("10.1.1.23"), PortRange.of(23), Protocol.TCP);
        assertInvalid(() -> NetworkConfiguration.builder(isolatedNetwork()).portForwardingRules(List.of(mine, theirs)).build(),
                "port_forwarding_rules[1].network_id").hasMessageContaining("belongs to network 6, not 5");
    }
}
