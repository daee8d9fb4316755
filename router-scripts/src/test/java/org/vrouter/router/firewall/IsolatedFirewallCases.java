package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;

/**
 * The golden cases of the isolated-router firewall, by name: each is a directory under
 * {@code src/test/resources/golden/firewall/} with the expected {@code rules.v4} and, when the case
 * has ipsets, {@code ipsets}. Shared by the golden test and the real-kernel test.
 */
final class IsolatedFirewallCases {
    static final IpAddress SOURCE_NAT_IP = ip("203.0.113.20");
    static final IpAddress SECOND_IP = ip("203.0.113.21");
    static final IpAddress OTHER_VLAN_IP = ip("198.51.100.10");
    static final Cidr GUEST_NETWORK = Cidr.parse("10.1.1.0/24");

    private static final Map<String, Supplier<IsolatedFirewallInput>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("empty-router", () -> router().build());
        CASES.put("ingress-two-public-ips", () -> ingressOnTwoIps().build());
        CASES.put("egress-allow", () -> egressAllow().build());
        CASES.put("egress-deny", () -> egressDeny().build());
        CASES.put("port-forwarding", () -> portForwarding().build());
        CASES.put("static-nat", () -> staticNat().build());
        CASES.put("hairpin", () -> hairpin().build());
        CASES.put("load-balancer", () -> loadBalancer().build());
        CASES.put("large-cidr-lists", () -> largeCidrLists().build());
        CASES.put("everything", () -> everything(true).build());
        CASES.put("revoked", () -> everything(false).build());
        CASES.put("vpn-redundant", () -> vpnRedundant().build());
    }

    private IsolatedFirewallCases() {}

    static List<String> names() {
        return List.copyOf(CASES.keySet());
    }

    static IsolatedFirewallInput input(String name) {
        return CASES.get(name).get();
    }

    /** The smallest isolated router: control eth1, guest eth0, source NAT on eth2, egress denied. */
    static IsolatedFirewallInput.Builder router() {
        return IsolatedFirewallInput.builder(new ControlNic("eth1", ip("169.254.3.44")))
                .guest(new GuestNic("eth0", ip("10.1.1.1"), GUEST_NETWORK))
                .publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.20/24"), true));
    }

    private static IsolatedFirewallInput.Builder ingressOnTwoIps() {
        return router()
                .publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.21/24"), false))
                .ingress(new IngressRule(17, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(22)), cidrs("0.0.0.0/0")))
                .ingress(new IngressRule(18, SOURCE_NAT_IP, ProtocolMatch.icmp(new Icmp(8, 0)), cidrs("10.0.0.0/8")))
                .ingress(new IngressRule(19, SECOND_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(80, 90)),
                        cidrs("192.0.2.0/24", "198.51.100.7/32")))
                .ingress(new IngressRule(20, SECOND_IP, ProtocolMatch.allPorts(Protocol.UDP), cidrs()))
                .ingress(new IngressRule(21, SECOND_IP, ProtocolMatch.all(), cidrs("192.0.2.77/32")))
                .ingress(new IngressRule(22, SECOND_IP, ProtocolMatch.icmp(Icmp.any()), cidrs("0.0.0.0/0")));
    }

    private static IsolatedFirewallInput.Builder egressAllow() {
        return router().egressPolicy(EgressPolicy.ALLOW)
                .egress(new EgressRule(30, ProtocolMatch.ports(Protocol.TCP, PortRange.of(25)), cidrs("10.1.1.0/24"), cidrs()))
                .egress(new EgressRule(31, ProtocolMatch.ports(Protocol.UDP, PortRange.of(53)), cidrs(), cidrs("8.8.8.8/32")))
                .egress(new EgressRule(32, ProtocolMatch.icmp(new Icmp(8, -1)), cidrs("10.1.1.0/24"), cidrs("0.0.0.0/0")));
    }

    private static IsolatedFirewallInput.Builder egressDeny() {
        return router().egressPolicy(EgressPolicy.DENY)
                .egress(new EgressRule(40, ProtocolMatch.ports(Protocol.TCP, PortRange.of(80)), cidrs("10.1.1.0/24"), cidrs()))
                .egress(new EgressRule(41, ProtocolMatch.ports(Protocol.TCP, PortRange.of(8000, 8100)), cidrs("10.1.1.0/24"),
                        cidrs()))
                .egress(new EgressRule(42, ProtocolMatch.icmp(Icmp.any()), cidrs(), cidrs()))
                .egress(new EgressRule(43, ProtocolMatch.all(), cidrs("10.1.1.10/32", "10.1.1.11/32"),
                        cidrs("192.168.0.0/16", "172.16.0.0/12")))
                .egress(new EgressRule(44, ProtocolMatch.ports(Protocol.UDP, PortRange.of(123)),
                        cidrs("10.1.1.20/32", "10.1.1.21/32", "10.1.1.22/32"), cidrs("192.0.2.1/32", "192.0.2.2/32")));
    }

    private static IsolatedFirewallInput.Builder portForwarding() {
        return router()
                .publicAddress(new PublicAddress("eth3", Cidr.parse("198.51.100.10/24"), false))
                .ingress(new IngressRule(50, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(2222)), cidrs()))
                .ingress(new IngressRule(51, OTHER_VLAN_IP, ProtocolMatch.ports(Protocol.UDP, PortRange.of(5000, 5010)), cidrs()))
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2222), ip("10.1.1.23"), PortRange.of(22)))
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(8000, 8010), ip("10.1.1.23"),
                        PortRange.of(9000, 9010)))
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(3000, 3005), ip("10.1.1.24"),
                        PortRange.of(80)))
                .portForward(PortForward.of(OTHER_VLAN_IP, Protocol.UDP, PortRange.of(5000, 5010), ip("10.1.1.24"),
                        PortRange.of(5000, 5010)))
                .portForward(new PortForward(OTHER_VLAN_IP, Protocol.TCP, PortRange.of(443), ip("10.1.1.25"), PortRange.of(443),
                        cidrs("192.0.2.0/24")));
    }

    private static IsolatedFirewallInput.Builder staticNat() {
        return router()
                .publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.21/24"), false))
                .publicAddress(new PublicAddress("eth3", Cidr.parse("198.51.100.10/24"), false))
                .ingress(new IngressRule(60, SECOND_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(22)), cidrs()))
                .staticNat(new StaticNat(SECOND_IP, ip("10.1.1.24")))
                .staticNat(new StaticNat(OTHER_VLAN_IP, ip("10.1.1.25")));
    }

    /** Two guest networks; only the one with forward targets gets the hairpin SNAT; guests may reach the forward. */
    private static IsolatedFirewallInput.Builder hairpin() {
        return router()
                .guest(new GuestNic("eth3", ip("10.1.2.1"), Cidr.parse("10.1.2.0/24")))
                .ingress(new IngressRule(70, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(80)),
                        cidrs("0.0.0.0/0")))
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(80), ip("10.1.1.30"), PortRange.of(8080)));
    }

    private static IsolatedFirewallInput.Builder loadBalancer() {
        return router()
                .ingress(new IngressRule(80, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(80)), cidrs()))
                .loadBalancer(LoadBalancerOpening.parseListener("add_rules[0]", "203.0.113.20:80:"))
                .loadBalancer(LoadBalancerOpening.parseListener("add_rules[1]", "203.0.113.20:443:"))
                .loadBalancer(LoadBalancerOpening.parseListener("add_rules[2]", "203.0.113.20:80:"))
                .loadBalancer(LoadBalancerOpening.parseStats("stat_rules[0]", "10.1.1.1:8081:0/0:,"))
                .loadBalancer(LoadBalancerOpening.parseStats("stat_rules[1]",
                        "10.1.1.1:8082:10.1.1.0/28,10.1.1.16/28,10.1.1.32/28,10.1.1.48/28,10.1.1.64/28:,"));
    }

    private static IsolatedFirewallInput.Builder largeCidrLists() {
        return router().egressPolicy(EgressPolicy.DENY)
                .ingress(new IngressRule(90, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(22)), manyCidrs("192.0.2", 12)))
                .egress(new EgressRule(91, ProtocolMatch.ports(Protocol.TCP, PortRange.of(443)), cidrs("10.1.1.0/24"),
                        manyCidrs("198.51.100", 40)))
                .egress(new EgressRule(92, ProtocolMatch.all(), manyCidrs("10.1.1", 8), manyCidrs("203.0.113", 8)))
                .portForward(new PortForward(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2222), ip("10.1.1.23"), PortRange.of(22),
                        manyCidrs("192.0.2", 6)));
    }

    /** A router with a bit of everything; without {@code withAll} some rules are revoked (see {@code revoked}). */
    private static IsolatedFirewallInput.Builder everything(boolean withAll) {
        IsolatedFirewallInput.Builder builder = router().egressPolicy(EgressPolicy.ALLOW)
                .publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.21/24"), false))
                .ingress(new IngressRule(100, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(2222)), cidrs()))
                .egress(new EgressRule(103, ProtocolMatch.ports(Protocol.TCP, PortRange.of(25)), cidrs(), cidrs()))
                .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2222), ip("10.1.1.23"), PortRange.of(22)))
                .loadBalancer(LoadBalancerOpening.parseListener("add_rules[0]", "203.0.113.20:80:"));
        if (withAll) {
            builder.ingress(new IngressRule(101, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.TCP, PortRange.of(80)), cidrs()))
                    .ingress(new IngressRule(102, SECOND_IP, ProtocolMatch.all(), manyCidrs("192.0.2", 5)))
                    .egress(new EgressRule(104, ProtocolMatch.all(), cidrs(), manyCidrs("198.51.100", 5)))
                    .portForward(PortForward.of(SOURCE_NAT_IP, Protocol.UDP, PortRange.of(53), ip("10.1.1.23"), PortRange.of(53)))
                    .staticNat(new StaticNat(SECOND_IP, ip("10.1.1.24")))
                    .loadBalancer(LoadBalancerOpening.parseListener("add_rules[1]", "203.0.113.20:443:"));
        }
        return builder;
    }

    private static IsolatedFirewallInput.Builder vpnRedundant() {
        return router().redundant(true)
                .ingress(new IngressRule(110, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.UDP, PortRange.of(500)), cidrs()))
                .ingress(new IngressRule(111, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.UDP, PortRange.of(4500)), cidrs()))
                .ingress(new IngressRule(112, SOURCE_NAT_IP, ProtocolMatch.ports(Protocol.UDP, PortRange.of(1701)), cidrs()))
                .remoteAccessVpn(new RemoteAccessVpnOpening(SOURCE_NAT_IP, ip("10.1.1.1"), GUEST_NETWORK));
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    static List<Cidr> cidrs(String... texts) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String text : texts) {
            cidrs.add(Cidr.parse(text));
        }
        return cidrs;
    }

    /** {@code count} /32 addresses {@code prefix.1}, {@code prefix.2}... */
    static List<Cidr> manyCidrs(String prefix, int count) {
        List<Cidr> cidrs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            cidrs.add(Cidr.parse(prefix + "." + i + "/32"));
        }
        return cidrs;
    }
}
