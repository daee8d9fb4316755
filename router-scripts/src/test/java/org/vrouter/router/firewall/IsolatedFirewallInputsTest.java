package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;
import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.FirewallRulesBag;
import org.vrouter.router.databag.IpsBag;
import org.vrouter.router.memo.IdentityMemo;

class IsolatedFirewallInputsTest {
    private static final String FLAGS = "\"revoked\":false,\"already_added\":false,\"purpose\":\"Firewall\",\"dest_cidr_list\":[]";

    private final List<String> ignored = new ArrayList<>();

    private static IpAddress ip(String text) {
        return IpAddress.parse("ip", text);
    }

    private static Databags withFirewall(Databags bags, String rules) {
        return IsolatedRouter.mergeText(bags.with(FirewallRulesBag.empty()),
                "firewall_rules.json.1", "{\"rules\":[" + rules + "],\"type\":\"firewallrules\",\"delete_from_processed_cache\":false}");
    }

    @Test
    void mapsTheIsolatedRoutersBags() {
        IsolatedFirewallInput input = IsolatedFirewallInputs.from(IsolatedRouter.bags(), ignored::add);

        assertThat(ignored).isEmpty();
        assertThat(input.control()).isEqualTo(new ControlNic("eth1", ip("169.254.3.44")));
        assertThat(input.guests()).containsExactly(new GuestNic("eth0", ip("10.1.1.1"), Cidr.parse("guest", "10.1.1.0/24")));
        assertThat(input.publicAddresses()).containsExactlyInAnyOrder(
                new PublicAddress("eth2", Cidr.parse("public", "203.0.113.20/24"), true),
                new PublicAddress("eth2", Cidr.parse("public", "203.0.113.21/24"), false),
                new PublicAddress("eth2", Cidr.parse("public", "203.0.113.22/24"), false));
        assertThat(input.ingressRules()).containsExactly(
                new IngressRule(17, ip("203.0.113.20"), ProtocolMatch.ports(Protocol.TCP, PortRange.of(2222)), List.of()),
                new IngressRule(18, ip("203.0.113.21"), ProtocolMatch.icmp(new Icmp(8, -1)), List.of(Cidr.parse("cidr", "198.51.100.0/24"))),
                new IngressRule(19, ip("203.0.113.22"), ProtocolMatch.ports(Protocol.TCP, PortRange.of(80)), List.of()));
        assertThat(input.egressPolicy()).as("the System rule carries the offering's allow").isEqualTo(EgressPolicy.ALLOW);
        assertThat(input.egressRules()).containsExactly(new EgressRule(21, ProtocolMatch.ports(Protocol.TCP, PortRange.of(25)), List.of(), List.of()));
        assertThat(input.portForwards()).containsExactly(
                PortForward.of(ip("203.0.113.20"), Protocol.TCP, PortRange.of(2222), ip("10.1.1.23"), PortRange.of(22)));
        assertThat(input.staticNats()).containsExactly(new StaticNat(ip("203.0.113.21"), ip("10.1.1.24")));
        assertThat(input.loadBalancerOpenings()).containsExactly(
                new LoadBalancerOpening(ip("203.0.113.22"), 80, List.of()),
                new LoadBalancerOpening(ip("10.1.1.1"), 8081, List.of()));
        assertThat(input.remoteAccessVpns()).isEmpty();
        assertThat(input.redundant()).isFalse();
    }

    @Test
    void aMemoKeepsTheMappedRuleOfAnUnchangedEntryAndMapsTheSame() {
        Databags bags = IsolatedRouter.bags();
        IdentityMemo<FirewallRule, IsolatedFirewallInputs.MappedRule> memo = new IdentityMemo<>();

        IsolatedFirewallInput first = IsolatedFirewallInputs.from(bags, ignored::add, memo);
        IsolatedFirewallInput again = IsolatedFirewallInputs.from(bags, ignored::add, memo);

        assertThat(first).isEqualTo(IsolatedFirewallInputs.from(bags, ignored::add));
        assertThat(again.ingressRules()).isNotEmpty();
        for (int i = 0; i < first.ingressRules().size(); i++) {
            assertThat(again.ingressRules().get(i)).isSameAs(first.ingressRules().get(i));
        }
    }

    @Test
    void aDefaultEgressRuleWithoutSourcesSetsThePolicy() {
        Databags bags = withFirewall(IsolatedRouter.bags(), "{\"id\":30,\"src_ip\":\"\",\"protocol\":\"all\",\"source_cidr_list\":[],"
                + "\"traffic_type\":\"Egress\",\"default_egress_policy\":false," + FLAGS + "}");

        IsolatedFirewallInput input = IsolatedFirewallInputs.from(bags, ignored::add);

        assertThat(input.egressPolicy()).isEqualTo(EgressPolicy.DENY);
        assertThat(input.egressRules()).isEmpty();
    }

    @Test
    void egressRulesCarryThePolicyWhenThereIsNoDefaultRule() {
        Databags bags = withFirewall(IsolatedRouter.bags(), "{\"id\":31,\"src_ip\":\"\",\"protocol\":\"udp\",\"src_port_range\":[53,53],"
                + "\"source_cidr_list\":[\"10.1.1.0/24\"],\"traffic_type\":\"Egress\",\"default_egress_policy\":true," + FLAGS + "}");

        IsolatedFirewallInput input = IsolatedFirewallInputs.from(bags, ignored::add);

        assertThat(input.egressPolicy()).isEqualTo(EgressPolicy.ALLOW);
        assertThat(input.egressRules()).singleElement().satisfies(rule -> assertThat(rule.id()).isEqualTo(31));
    }

    @Test
    void withoutEgressRulesTheRouterDenies() {
        Databags bags = withFirewall(IsolatedRouter.bags(), "{\"id\":17,\"src_ip\":\"203.0.113.20\",\"protocol\":\"all\","
                + "\"source_cidr_list\":[],\"traffic_type\":\"Ingress\",\"default_egress_policy\":true," + FLAGS + "}");

        assertThat(IsolatedFirewallInputs.from(bags, ignored::add).egressPolicy()).isEqualTo(EgressPolicy.DENY);
    }

    @Test
    void leavesOutAndReportsEntriesForAddressesTheRouterDoesNotHold() {
        Databags bags = withFirewall(IsolatedRouter.bags(), "{\"id\":40,\"src_ip\":\"203.0.113.99\",\"protocol\":\"tcp\","
                + "\"src_port_range\":[22,22],\"source_cidr_list\":[],\"traffic_type\":\"Ingress\",\"default_egress_policy\":false," + FLAGS + "}");
        bags = IsolatedRouter.mergeText(bags, "forwarding_rules.json.2", "{\"rules\":[{\"revoke\":false,\"protocol\":\"udp\","
                + "\"source_ip_address\":\"203.0.113.20\",\"source_port_range\":\"53:53\",\"destination_ip_address\":\"10.9.9.9\","
                + "\"destination_port_range\":\"53:53\"}],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}");

        IsolatedFirewallInput input = IsolatedFirewallInputs.from(bags, ignored::add);

        assertThat(input.ingressRules()).isEmpty();
        assertThat(input.portForwards()).hasSize(1);
        assertThat(ignored).containsExactly(
                "firewallrules[40]: src_ip 203.0.113.99 is not a public address of this router",
                "forwardingrules[203.0.113.20] udp 53:53: internal_ip 10.9.9.9 is in no guest network of this router");
    }

    @Test
    void leavesOutARuleWhoseSourcesAreAllIpv6RatherThanOpeningItToEveryone() {
        Databags bags = withFirewall(IsolatedRouter.bags(), "{\"id\":41,\"src_ip\":\"203.0.113.20\",\"protocol\":\"tcp\","
                + "\"src_port_range\":[22,22],\"source_cidr_list\":[\"2001:db8::/32\"],\"traffic_type\":\"Ingress\","
                + "\"default_egress_policy\":false," + FLAGS + "}");

        assertThat(IsolatedFirewallInputs.from(bags, ignored::add).ingressRules()).isEmpty();
        assertThat(ignored).containsExactly("firewallrules[41]: source_cidr_list holds only IPv6 networks");
    }

    @Test
    void takesTheControlAddressFromTheBootArgumentsWhenIpsHasNone() {
        Databags bags = IsolatedRouter.bags();
        IpsBag ips = bags.ips().withDevice("eth1", List.of());

        IsolatedFirewallInput input = IsolatedFirewallInputs.from(bags.with(ips), ignored::add);

        assertThat(input.control()).isEqualTo(new ControlNic("eth1", ip("169.254.3.44")));
    }

    @Test
    void namesTheMissingControlAddress() {
        Databags bags = IsolatedRouter.bags();
        Databags noControl = bags.with(bags.ips().withDevice("eth1", List.of())).with(CmdLineBag.empty());

        assertThatThrownBy(() -> IsolatedFirewallInputs.from(noControl, ignored::add))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("ips"));
    }

    @Test
    void namesTheBagEntryOfAnInvalidRule() {
        Databags bags = withFirewall(IsolatedRouter.bags(), "{\"id\":0,\"src_ip\":\"203.0.113.20\",\"protocol\":\"tcp\","
                + "\"source_cidr_list\":[],\"traffic_type\":\"Ingress\",\"default_egress_policy\":false," + FLAGS + "}");

        assertThatThrownBy(() -> IsolatedFirewallInputs.from(bags, ignored::add))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("firewallrules[0].id"));
    }
}
