package org.vrouter.router.vpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;

class VpcFirewallInputsTest {
    @Test
    void mapsTheRolesOfTheInterfacesFromTheBags() {
        VpcFirewallInput input = VpcFirewallCases.input("private-gateway");

        assertThat(input.control()).hasToString("ControlNic[device=eth0, address=169.254.1.9]");
        assertThat(input.vpcCidr()).isEqualTo(Cidr.parse("172.16.0.0/16"));
        assertThat(input.tiers()).extracting(Tier::device).containsExactlyInAnyOrder("eth2", "eth3");
        assertThat(input.privateGateways()).singleElement().isEqualTo(new PrivateGateway("eth4", Cidr.parse("10.200.0.2/24"), true));
        assertThat(input.publicAddresses()).extracting(address -> address.ip().toString()).containsExactlyInAnyOrder("203.0.113.30",
                "203.0.113.31");
        assertThat(input.acls()).extracting(NetworkAcl::device).containsExactly("eth4");
        assertThat(input.routedNetworks()).containsExactly(Cidr.parse("192.168.50.0/24"), Cidr.parse("192.168.60.0/24"));
        assertThat(input.staticNats()).hasSize(1);
    }

    @Test
    void aVpcRouterWithoutItsCidrIsAnErrorNamingTheBootArgument() {
        Map<String, String> config = new TreeMap<>(VpcFirewallCases.bags("two-tiers").cmdLine().config());
        config.remove("vpccidr");
        Databags bags = VpcFirewallCases.bags("two-tiers").with(new CmdLineBag(config));

        assertThatThrownBy(() -> VpcFirewallInputs.from(bags, line -> { })).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("cmdline.vpccidr");
    }

    @Test
    void theAclOfARemovedTierIsLeftOutAndReported() {
        Databags bags = VpcFirewallCases.merge(VpcFirewallCases.bags("two-tiers"), "guest_network.json",
                "{\"add\":false,\"mac_address\":\"02:00:56:36:00:03\",\"device\":\"eth3\",\"router_guest_ip\":\"172.16.2.1\","
                        + "\"router_guest_gateway\":\"172.16.2.1\",\"router_guest_netmask\":\"255.255.255.0\",\"cidr\":\"24\","
                        + "\"type\":\"guestnetwork\",\"delete_from_processed_cache\":false}");
        List<String> ignored = new ArrayList<>();

        VpcFirewallInput input = VpcFirewallInputs.from(bags, ignored::add);

        assertThat(input.tiers()).extracting(Tier::device).containsExactly("eth2");
        assertThat(input.acls()).extracting(NetworkAcl::device).containsExactly("eth2");
        assertThat(ignored).containsExactly("networkacl[eth3]: eth3 is no tier or private gateway of this router");
    }

    @Test
    void anIpv6OnlyItemIsLeftOutAndTheIpv4PartOfAMixedItemKept() {
        List<String> ignored = VpcFirewallCases.warnings("multi-cidr-item");
        NetworkAcl acl = VpcFirewallCases.input("multi-cidr-item").acls().get(0);

        assertThat(ignored).containsExactly(
                "networkacl[eth2].ingress_rules[5]: cidr 2001:db8::/32 holds only IPv6 networks (the IPv6 ACL is not rendered yet)");
        assertThat(acl.ingress()).hasSize(7);
        assertThat(acl.ingress().get(5).cidrs()).containsExactly(Cidr.parse("10.9.0.0/16"));
    }

    @Test
    void anAclWhoseGatewayFlagContradictsTheInterfacesRoleIsAppliedToThatRoleAndReported() {
        Databags bags = VpcFirewallCases.merge(VpcFirewallCases.bags("source-nat"), "network_acl.json",
                "{\"device\":\"eth2\",\"mac_address\":\"02:00:56:36:00:02\",\"private_gateway_acl\":true,\"nic_ip\":\"172.16.1.1\","
                        + "\"nic_netmask\":\"24\",\"ingress_rules\":[],\"egress_rules\":[],\"type\":\"networkacl\",\"delete_from_processed_cache\":false}");
        List<String> ignored = new ArrayList<>();

        assertThat(VpcFirewallInputs.from(bags, ignored::add).acls()).extracting(NetworkAcl::device).containsExactly("eth2");
        assertThat(ignored).containsExactly("networkacl[eth2]: private_gateway_acl is true but eth2 is a tier; applied as its ACL");
    }

    @Test
    void firewallRulesOfAVpcAreReportedNotRendered() {
        Databags bags = VpcFirewallCases.merge(VpcFirewallCases.bags("source-nat"), "firewall_rules.json",
                "{\"rules\":[{\"id\":17,\"src_ip\":\"203.0.113.30\",\"protocol\":\"tcp\",\"src_port_range\":[22,22],\"revoked\":false,"
                        + "\"already_added\":false,\"source_cidr_list\":[\"0.0.0.0/0\"],\"dest_cidr_list\":[],\"purpose\":\"Firewall\","
                        + "\"traffic_type\":\"Ingress\",\"guest_cidr\":\"172.16.1.0/24\",\"default_egress_policy\":false}],"
                        + "\"type\":\"firewallrules\",\"delete_from_processed_cache\":false}");
        List<String> ignored = new ArrayList<>();

        VpcFirewallInputs.from(bags, ignored::add);

        assertThat(ignored).containsExactly("firewallrules: 1 rule(s) left out: a VPC router's traffic is governed by its network ACLs");
    }

    @Test
    void anInvalidItemIsAnErrorNamingTheAclAndItem() {
        assertThatThrownBy(() -> VpcFirewallCases.merge(VpcFirewallCases.bags("source-nat"), "network_acl.json",
                "{\"device\":\"eth2\",\"mac_address\":\"02:00:56:36:00:02\",\"private_gateway_acl\":false,\"nic_ip\":\"172.16.1.1\","
                        + "\"nic_netmask\":\"24\",\"ingress_rules\":[{\"type\":\"protocol\",\"protocol\":300,\"cidr\":\"0.0.0.0/0\","
                        + "\"allowed\":true}],\"egress_rules\":[],\"type\":\"networkacl\",\"delete_from_processed_cache\":false}"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("protocol");
    }
}
