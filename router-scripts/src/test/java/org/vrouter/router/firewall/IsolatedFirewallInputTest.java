package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.router.firewall.IsolatedFirewallCases.SECOND_IP;
import static org.vrouter.router.firewall.IsolatedFirewallCases.SOURCE_NAT_IP;
import static org.vrouter.router.firewall.IsolatedFirewallCases.cidrs;
import static org.vrouter.router.firewall.IsolatedFirewallCases.ip;
import static org.vrouter.router.firewall.IsolatedFirewallCases.router;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;

class IsolatedFirewallInputTest {
    private static final ProtocolMatch SSH = ProtocolMatch.ports(Protocol.TCP, PortRange.of(22));

    @Test
    void rejectsAnIngressRuleForAnAddressTheRouterDoesNotHold() {
        IsolatedFirewallInput.Builder builder = router().ingress(new IngressRule(1, SECOND_IP, SSH, cidrs()));

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("ingress_rules[0].src_ip"))
                .hasMessageContaining("203.0.113.21");
    }

    @Test
    void rejectsARuleIdUsedByAnIngressAndAnEgressRule() {
        IsolatedFirewallInput.Builder builder = router().ingress(new IngressRule(7, SOURCE_NAT_IP, SSH, cidrs()))
                .egress(new EgressRule(7, SSH, cidrs(), cidrs()));

        assertThatThrownBy(builder::build).hasMessageStartingWith("egress_rules[0].id: is given twice");
    }

    @Test
    void rejectsPortForwardsSharingAPublicPort() {
        IsolatedFirewallInput.Builder builder = router()
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2000, 2010), ip("10.1.1.5"), PortRange.of(22)))
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2010), ip("10.1.1.6"), PortRange.of(22)));

        assertThatThrownBy(builder::build).hasMessage("port_forwards: two forwards take the same public port: '203.0.113.20 tcp 2010:2010'");
    }

    @Test
    void acceptsTheSamePublicPortForTcpAndUdp() {
        IsolatedFirewallInput input = router()
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(53), ip("10.1.1.5"), PortRange.of(53)))
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.UDP, PortRange.of(53), ip("10.1.1.5"), PortRange.of(53)))
                .build();

        assertThat(input.portForwards()).hasSize(2);
    }

    @Test
    void rejectsAForwardToAnAddressOutsideTheGuestNetworks() {
        IsolatedFirewallInput.Builder builder = router()
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(22), ip("10.9.9.9"), PortRange.of(22)));

        assertThatThrownBy(builder::build).hasMessage("port_forwards[0].internal_ip: is in no guest network of the router: '10.9.9.9'");
    }

    @Test
    void rejectsAVmPortRangeOfAnotherLength() {
        assertThatThrownBy(() -> PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2000, 2010), ip("10.1.1.5"),
                PortRange.of(3000, 3005))).hasMessageStartingWith("internal_ports: must be one port or as many ports as public_ports");
    }

    @Test
    void rejectsStaticNatOnTheSourceNatAddress() {
        IsolatedFirewallInput.Builder builder = router().staticNat(new StaticNat(SOURCE_NAT_IP, ip("10.1.1.5")));

        assertThatThrownBy(builder::build).hasMessage("static_nats[0].public_ip: static NAT on the source-NAT address: '203.0.113.20'");
    }

    @Test
    void rejectsASecondSourceNatAddressOnOneInterface() {
        IsolatedFirewallInput.Builder builder = router().publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.21/24"), true));

        assertThatThrownBy(builder::build).hasMessageStartingWith("public_addresses[1].source_nat: a second source-NAT address on eth2");
    }

    @Test
    void rejectsAPublicAddressOnTheGuestInterface() {
        IsolatedFirewallInput.Builder builder = router().publicAddress(new PublicAddress("eth0", Cidr.parse("203.0.113.21/24"), false));

        assertThatThrownBy(builder::build).hasMessage("public_addresses[1].device: is the control or a guest interface: 'eth0'");
    }

    @Test
    void rejectsOverlappingGuestNetworks() {
        IsolatedFirewallInput.Builder builder = router().guest(new GuestNic("eth3", ip("10.1.0.1"), Cidr.parse("10.1.0.0/16")));

        assertThatThrownBy(builder::build).hasMessage("guests[1].network: overlaps the network of eth0: '10.1.0.0/16'");
    }

    @Test
    void rejectsInterfaceNamesThatAreNotEthN() {
        assertThatThrownBy(() -> new ControlNic("eth1; reboot", ip("169.254.0.1")))
                .hasMessage("device: not a router interface name (eth0 to eth999): 'eth1; reboot'");
    }

    @Test
    void rejectsAGuestNetworkWithHostBits() {
        assertThatThrownBy(() -> new GuestNic("eth0", ip("10.1.1.1"), Cidr.parse("10.1.1.1/24")))
                .hasMessageStartingWith("network: must be an IPv4 network without host bits (for example 10.1.1.0/24)");
    }

    @Test
    void rejectsPortsOnAnIcmpRuleAndAnIcmpTypeOnATcpRule() {
        assertThatThrownBy(() -> new ProtocolMatch(Protocol.ICMP, java.util.Optional.of(PortRange.of(1)), Icmp.any()))
                .hasMessageStartingWith("src_port_range: only tcp and udp rules have ports");
        assertThatThrownBy(() -> new ProtocolMatch(Protocol.TCP, java.util.Optional.empty(), new Icmp(8, 0)))
                .hasMessageStartingWith("icmp_type: only icmp rules have an ICMP type");
        assertThatThrownBy(() -> ProtocolMatch.allPorts(Protocol.number(47))).hasMessageStartingWith("protocol: unsupported protocol");
    }

    @Test
    void rejectsRuleIdsTooLongForAnIpsetName() {
        assertThatThrownBy(() -> new EgressRule(IngressRule.MAX_ID + 1, SSH, cidrs(), cidrs())).hasMessageStartingWith("id:");
    }

    @Test
    void rejectsIpv6NetworksInTheIpv4Firewall() {
        assertThatThrownBy(() -> new EgressRule(1, SSH, cidrs("fd00::/64"), cidrs()))
                .hasMessageStartingWith("source_cidr_list[0]: the IPv4 firewall takes IPv4 networks only");
    }

    @Test
    void readsTheLoadBalancerDatabagEntries() {
        assertThat(LoadBalancerOpening.parseListener("add_rules[0]", "203.0.113.20:80:"))
                .isEqualTo(new LoadBalancerOpening(SOURCE_NAT_IP, 80, cidrs()));
        assertThat(LoadBalancerOpening.parseStats("stat_rules[0]", "10.1.1.1:8081:0/0:,"))
                .isEqualTo(new LoadBalancerOpening(ip("10.1.1.1"), 8081, cidrs()));
        assertThat(LoadBalancerOpening.parseStats("stat_rules[0]", "10.1.1.1:8081:10.0.0.0/8,192.168.1.0/24:,").sourceCidrs())
                .containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.1.0/24"));
        assertThatThrownBy(() -> LoadBalancerOpening.parseListener("add_rules[3]", "203.0.113.20:http:"))
                .hasMessage("add_rules[3]: not '<ip>:<port>:': '203.0.113.20:http:'");
    }

    @Test
    void theDefaultEgressFlagChoosesThePolicy() {
        assertThat(EgressPolicy.fromDefaultEgressPolicy(true)).isEqualTo(EgressPolicy.ALLOW);
        assertThat(EgressPolicy.fromDefaultEgressPolicy(false)).isEqualTo(EgressPolicy.DENY);
        assertThat(router().build().egressPolicy()).isEqualTo(EgressPolicy.DENY);
    }
}
