package org.vrouter.api.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.PortRange;

class FirewallRuleTest {
    @Test
    void buildsIngressAndEgressRules() {
        FirewallRule ssh = FirewallRule.ingress(17, 5, ip("203.0.113.20"), Protocol.TCP).ports(PortRange.of(22))
                .sourceCidrs(List.of(cidr("0.0.0.0/0"))).build();
        assertThat(ssh.publicIp()).hasValue(ip("203.0.113.20"));
        assertThat(ssh.purpose()).isEqualTo(Purpose.FIREWALL);
        FirewallRule allowAll = FirewallRule.egress(0, 5, Protocol.ALL).type(FirewallRule.Type.SYSTEM).state(RuleState.ACTIVE).build();
        assertThat(allowAll.publicIp()).isEmpty();
        assertThat(allowAll.toBuilder().build()).isEqualTo(allowAll);
    }

    @Test
    void rejectsPortsForIcmpAndAll() {
        assertInvalid(() -> FirewallRule.egress(1, 5, Protocol.ICMP).ports(PortRange.of(22)).build(), "src_port_range")
                .hasMessageContaining("only to protocol tcp or udp");
        assertInvalid(() -> FirewallRule.egress(1, 5, Protocol.ALL).ports(PortRange.of(1, 1024)).build(), "src_port_range");
    }

    @Test
    void rejectsIcmpFieldsForTcp() {
        assertInvalid(() -> FirewallRule.egress(1, 5, Protocol.TCP).icmp(new Icmp(8, 0)).build(), "icmp_type");
        assertThat(FirewallRule.egress(1, 5, Protocol.ICMP).icmp(Icmp.any()).build().icmp()).hasValue(Icmp.any());
    }

    @Test
    void rejectsProtocolNumbers() {
        assertInvalid(() -> FirewallRule.egress(1, 5, Protocol.number(41)).build(), "protocol").hasMessageContaining("[tcp, udp, icmp, all]");
    }

    @Test
    void ingressNeedsAPublicIpAndEgressHasNone() {
        assertInvalid(() -> new FirewallRule(1, Direction.INGRESS, Protocol.TCP, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), RuleState.ADD, Purpose.FIREWALL, FirewallRule.Type.USER, 5), "src_ip");
        assertInvalid(() -> new FirewallRule(1, Direction.EGRESS, Protocol.TCP, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.of(ip("203.0.113.20")), RuleState.ADD, Purpose.FIREWALL, FirewallRule.Type.USER, 5), "src_ip");
    }

    @Test
    void rejectsNullCidrsNamingThePosition() {
        assertInvalid(() -> FirewallRule.egress(1, 5, Protocol.TCP).sourceCidrs(Arrays.asList(cidr("10.0.0.0/8"), null)).build(),
                "source_cidr_list[1]");
    }

    @Test
    void icmpTypeAndCodeRunFromMinusOneTo255() {
        assertInvalid(() -> new Icmp(256, 0), "icmp_type");
        assertInvalid(() -> new Icmp(8, -2), "icmp_code");
    }
}
