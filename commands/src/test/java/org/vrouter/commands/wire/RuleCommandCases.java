package org.vrouter.commands.wire;

import static org.vrouter.commands.wire.CommandCases.ip;
import static org.vrouter.commands.wire.CommandCases.router;
import static org.vrouter.commands.wire.CommandCases.tierNic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetIpv6FirewallRulesCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.to.AclAction;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.NetworkACLTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.commands.to.StaticNatRuleTO;

/** Golden cases of the rule commands: firewall, IPv6 firewall, port forwarding, static NAT, network ACL. */
final class RuleCommandCases {
    private static final Cidr GUEST = Cidr.parse("10.1.1.0/24");
    private static final Cidr ANYWHERE = Cidr.parse("0.0.0.0/0");

    private RuleCommandCases() {}

    static Map<String, NetworkElementCommand> all() {
        Map<String, NetworkElementCommand> cases = new LinkedHashMap<>();
        cases.put("firewall-ingress-egress", new SetFirewallRulesCommand(router().build(), List.of(
                FirewallRuleTO.ingress(17, ip("203.0.113.20"), Protocol.TCP).srcVlanTag("100").ports(PortRange.of(22))
                        .sourceCidrs(List.of(ANYWHERE)).guestCidr(GUEST).build(),
                FirewallRuleTO.ingress(18, ip("203.0.113.20"), Protocol.ICMP).icmp(8, 0)
                        .sourceCidrs(List.of(Cidr.parse("198.51.100.0/24"), Cidr.parse("192.0.2.0/25"))).guestCidr(GUEST).alreadyAdded(true).build(),
                FirewallRuleTO.egress(19, Protocol.ALL).destCidrs(List.of(Cidr.parse("192.0.2.0/24"))).guestCidr(GUEST)
                        .defaultEgressPolicy(true).build()), true));
        cases.put("firewall-revoke", new SetFirewallRulesCommand(router().build(), List.of(
                FirewallRuleTO.ingress(17, ip("203.0.113.20"), Protocol.UDP).ports(PortRange.of(5000, 5010))
                        .sourceCidrs(List.of(ANYWHERE)).guestCidr(GUEST).revoked(true).build()), false));
        cases.put("firewall-system-egress", new SetFirewallRulesCommand(router().build(), List.of(
                FirewallRuleTO.egress(0, Protocol.ALL).type(FirewallRule.Type.SYSTEM).guestCidr(GUEST).build()), false));
        cases.put("firewall-empty", new SetFirewallRulesCommand(router().build(), List.of(), false));
        cases.put("ipv6-firewall", new SetIpv6FirewallRulesCommand(router().build(), List.of(
                FirewallRuleTO.ingress(31, ip("2001:db8:1::10"), Protocol.TCP).purpose(Purpose.IPV6_FIREWALL)
                        .ports(PortRange.of(443)).sourceCidrs(List.of(Cidr.parse("::/0"))).build(),
                FirewallRuleTO.egress(32, Protocol.ICMP).purpose(Purpose.IPV6_FIREWALL).icmp(128, -1)
                        .destCidrs(List.of(Cidr.parse("2001:db8:ff::/48"))).build()),
                Cidr.parse("fd00:1:1::/64"), false));
        cases.put("port-forwarding", new SetPortForwardingRulesCommand(router().build(), List.of(
                PortForwardingRuleTO.of(ip("203.0.113.20"), Protocol.TCP, PortRange.of(2222), ip("10.1.1.23"), PortRange.of(22))
                        .withSourceCidrs(List.of(Cidr.parse("198.51.100.0/24")))), false));
        cases.put("port-forwarding-vpc-revoke", new SetPortForwardingRulesCommand(router().build(), List.of(
                PortForwardingRuleTO.of(ip("203.0.113.30"), Protocol.UDP, PortRange.of(5000, 5010), ip("172.16.1.20"),
                        PortRange.of(6000, 6010)).revoke(),
                PortForwardingRuleTO.of(ip("203.0.113.30"), Protocol.TCP, PortRange.of(8080), ip("172.16.1.21"), PortRange.of(80))
                        .withSourceCidrs(List.of(Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/25")))), true));
        cases.put("static-nat-one-to-one", SetStaticNatRulesCommand.of(router().build(), List.of(
                StaticNatRuleTO.oneToOne(ip("203.0.113.21"), ip("10.1.1.24")))));
        cases.put("static-nat-ports-revoke-vpc", new SetStaticNatRulesCommand(router().build(), List.of(
                StaticNatRuleTO.forPorts(ip("203.0.113.22"), ip("172.16.1.30"), Protocol.TCP, PortRange.of(8000, 8010))
                        .withCrossNetworkSnat(true),
                StaticNatRuleTO.oneToOne(ip("203.0.113.23"), ip("172.16.1.31")).revoke()), OptionalLong.of(7)));
        cases.put("network-acl-tier", new SetNetworkACLCommand(router().build(), tierAcl(), tierNic(), false));
        cases.put("network-acl-private-gateway", new SetNetworkACLCommand(router().build(), List.of(
                acl(1, Protocol.ALL, Direction.INGRESS, AclAction.ALLOW).cidrs(List.of(Cidr.parse("10.0.0.0/8"))).build(),
                acl(2, Protocol.ALL, Direction.EGRESS, AclAction.DENY).build()), privateGatewayNic(), true));
        cases.put("network-acl-empty", new SetNetworkACLCommand(router().build(), List.of(), tierNic(), false));
        return cases;
    }

    /** Out of order on purpose (the command sorts by number); multi-CIDR, protocol numbers, ICMP, a revoked rule. */
    private static List<NetworkACLTO> tierAcl() {
        return List.of(
                acl(30, Protocol.number(41), Direction.INGRESS, AclAction.DENY).cidrs(List.of(Cidr.parse("192.168.5.0/24"))).build(),
                acl(10, Protocol.TCP, Direction.INGRESS, AclAction.ALLOW).ports(PortRange.of(22))
                        .cidrs(List.of(Cidr.parse("10.0.1.0/24"), Cidr.parse("10.0.2.0/24"), Cidr.parse("fd00:10::/64"))).build(),
                acl(20, Protocol.ICMP, Direction.INGRESS, AclAction.ALLOW).build(),
                acl(25, Protocol.UDP, Direction.INGRESS, AclAction.ALLOW).ports(PortRange.of(60000, 61000)).revoked(true).build(),
                acl(26, Protocol.UDP, Direction.INGRESS, AclAction.ALLOW).cidrs(List.of(Cidr.parse("10.0.3.0/24"))).build(),
                acl(40, Protocol.ICMP, Direction.EGRESS, AclAction.DENY).icmp(3, 4).build(),
                acl(50, Protocol.number(132), Direction.EGRESS, AclAction.ALLOW).build(),
                acl(100, Protocol.ALL, Direction.INGRESS, AclAction.DENY).build());
    }

    private static NetworkACLTO.Builder acl(int number, Protocol protocol, Direction direction, AclAction action) {
        return NetworkACLTO.builder(number, protocol, direction, action);
    }

    private static NicTO privateGatewayNic() {
        return NicTO.builder(5, MacAddress.parse("02:00:3e:11:00:09"), TrafficType.PUBLIC)
                .ipv4(ip("10.0.1.1"), Netmask.parse("255.255.255.0"), ip("10.0.1.254"))
                .broadcastUri(BroadcastUri.vlan(300)).build();
    }
}
