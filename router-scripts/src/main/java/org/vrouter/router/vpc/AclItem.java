package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;
import org.vrouter.router.firewall.CidrLists;
import org.vrouter.router.firewall.ProtocolMatch;
import org.vrouter.router.firewall.RuleLine;

/**
 * One item of a network ACL ({@code ingress_rules} or {@code egress_rules} of {@code network_acl.json}):
 * traffic of a protocol from (ingress) or to (egress) a list of networks is accepted or dropped. Input to
 * {@link VpcFirewallRenderer}; the ACL's list order is the order the items are matched in.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code all}, or an IP protocol number
 *     ({@code type: "protocol"}); number 0 matches every protocol, as it does in iptables
 * @param ports tcp and udp only; empty = every port ({@code first_port} and {@code last_port} 0)
 * @param icmp icmp only; {@code -1} = any ({@code icmp_type}, {@code icmp_code})
 * @param cidrs the IPv4 networks the item matches ({@code cidr}): sources of ingress traffic,
 *     destinations of egress traffic. Kept canonical: empty, or holding {@code 0.0.0.0/0}, is any
 *     address (see {@link CidrLists#canonical})
 * @param allowed {@code allowed}: accept, else drop
 */
public record AclItem(Protocol protocol, Optional<PortRange> ports, Icmp icmp, List<Cidr> cidrs, boolean allowed) {
    public AclItem {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(ports, "ports is null");
        requireNonNull(icmp, "icmp is null");
        cidrs = CidrLists.canonical("cidr", cidrs);
        if (protocol.isNumber()) {
            ports.ifPresent(range -> protocol.requirePortsAllowed("first_port", range));
            if (!icmp.isAny()) {
                protocol.requireIcmpAllowed("icmp_type", icmp.type() + "/" + icmp.code());
            }
        }
        else {
            // validates ports and ICMP type against the protocol
            new ProtocolMatch(protocol, ports, icmp);
        }
    }

    /** A tcp or udp item; empty {@code ports} = every port. */
    public static AclItem ports(Protocol protocol, Optional<PortRange> ports, List<Cidr> cidrs, boolean allowed) {
        return new AclItem(protocol.requireOneOf("type", Protocol.TCP, Protocol.UDP), ports, Icmp.any(), cidrs, allowed);
    }

    public static AclItem icmp(Icmp icmp, List<Cidr> cidrs, boolean allowed) {
        return new AclItem(Protocol.ICMP, Optional.empty(), icmp, cidrs, allowed);
    }

    /** A {@code protocol} item: an IP protocol by number, 0 to 255. */
    public static AclItem number(int protocol, List<Cidr> cidrs, boolean allowed) {
        return new AclItem(Protocol.number(protocol), Optional.empty(), Icmp.any(), cidrs, allowed);
    }

    /** Every protocol. */
    public static AclItem all(List<Cidr> cidrs, boolean allowed) {
        return new AclItem(Protocol.ALL, Optional.empty(), Icmp.any(), cidrs, allowed);
    }

    /** The rule's verdict: {@code ACCEPT} or {@code DROP}. */
    String target() {
        return allowed ? "ACCEPT" : "DROP";
    }

    /** Adds {@code -p} and the port or ICMP match, as iptables-save writes them. */
    void addMatchTo(RuleLine rule) {
        if (protocol.isNumber()) {
            int number = protocol.protocolNumber().orElseThrow();
            if (number != 0) {
                rule.protocol(IpProtocolNames.of(number));
            }
            return;
        }
        new ProtocolMatch(protocol, ports, icmp).addTo(rule);
    }
}
