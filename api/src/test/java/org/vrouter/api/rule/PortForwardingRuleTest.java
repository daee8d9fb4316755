package org.vrouter.api.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.ip;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.PortRange;

class PortForwardingRuleTest {
    @Test
    void forwardsEqualSizedRanges() {
        PortForwardingRule rule = PortForwardingRule.of(1, 5, ip("203.0.113.20"), PortRange.of(8000, 8010), ip("10.1.1.23"),
                PortRange.of(9000, 9010), Protocol.UDP);
        assertThat(rule.withState(RuleState.REVOKE).state()).isEqualTo(RuleState.REVOKE);
    }

    @Test
    void rejectsRangesOfDifferentSizes() {
        assertInvalid(() -> PortForwardingRule.of(1, 5, ip("203.0.113.20"), PortRange.of(8000, 8010), ip("10.1.1.23"), PortRange.of(22),
                Protocol.TCP), "destination_port_range").hasMessageContaining("same size as source_port_range 8000-8010");
    }

    @Test
    void acceptsOnlyTcpAndUdp() {
        assertInvalid(() -> PortForwardingRule.of(1, 5, ip("203.0.113.20"), PortRange.of(22), ip("10.1.1.23"), PortRange.of(22),
                Protocol.ICMP), "protocol").hasMessageContaining("[tcp, udp]");
    }

    @Test
    void rejectsIpv6Addresses() {
        assertInvalid(() -> PortForwardingRule.of(1, 5, ip("203.0.113.20"), PortRange.of(22), ip("fd00::23"), PortRange.of(22),
                Protocol.TCP), "destination_ip_address");
    }

    @Test
    void staticNatIsIpv4() {
        assertThat(StaticNat.of(ip("203.0.113.21"), ip("10.1.1.24"), 5).revoked()).isFalse();
        assertInvalid(() -> StaticNat.of(ip("2001:db8::21"), ip("10.1.1.24"), 5), "source_ip_address");
    }
}
