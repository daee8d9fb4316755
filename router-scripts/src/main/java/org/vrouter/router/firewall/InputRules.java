package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;

/**
 * The rules of the filter {@code INPUT} chain (the router's own services) that every router type
 * shares; the isolated renderer and the VPC renderer ({@code router.vpc}) place them in their own
 * chain layout. Pure functions: the same arguments give the same lines, in iptables-save form.
 */
public final class InputRules {
    private static final String ESTABLISHED = "RELATED,ESTABLISHED";

    private InputRules() {}

    /**
     * The router's own traffic: VRRP advertisements (multicast or unicast) and conntrackd's sync (a redundant pair only),
     * loopback, replies, ICMP, and SSH on port 3922 to the control address, on the control interface.
     */
    public static List<String> base(ControlNic control, boolean redundant) {
        List<String> lines = new ArrayList<>();
        if (redundant) {
            lines.add(rule().destination(IpAddress.parse("224.0.0.18")).jump("ACCEPT"));
            lines.add(rule().destination(IpAddress.parse("225.0.0.50")).jump("ACCEPT"));
            // unicast VRRP (vrrp_unicast_peers) is addressed to the router itself, not to the group
            lines.add(rule().protocol("vrrp").jump("ACCEPT"));
        }
        lines.add(rule().in("lo").jump("ACCEPT"));
        lines.add(rule().state(ESTABLISHED).jump("ACCEPT"));
        lines.add(rule().protocol("icmp").jump("ACCEPT"));
        lines.add(rule().destination(control.address()).in(control.device()).ports("tcp", PortRange.of(3922)).state("NEW")
                .jump("ACCEPT"));
        return lines;
    }

    /**
     * What the router serves a guest network or VPC tier: DHCP from anywhere on the link (clients have
     * no address yet); DNS, user data (80, 443) and passwords (8080) from the network.
     */
    public static List<String> guestServices(GuestNic guest) {
        List<String> lines = new ArrayList<>();
        lines.add(rule().in(guest.device()).ports("udp", PortRange.of(67)).jump("ACCEPT"));
        lines.add(rule().source(guest.network()).in(guest.device()).ports("udp", PortRange.of(53)).jump("ACCEPT"));
        lines.add(rule().source(guest.network()).in(guest.device()).ports("tcp", PortRange.of(53)).jump("ACCEPT"));
        for (int port : new int[] {80, 443, 8080}) {
            lines.add(rule().source(guest.network()).in(guest.device()).ports("tcp", PortRange.of(port)).state("NEW")
                    .jump("ACCEPT"));
        }
        return lines;
    }

    /**
     * The ports haproxy listens on: one opening per address and port (the source CIDRs of openings on
     * the same port merged; any opening open to anyone opens it to anyone), by address and port. A
     * source list longer than {@value CidrSets#INLINE_LIMIT} networks is matched through the set
     * {@code lbSourceCidrs-<ip hex>-<port>}.
     */
    public static List<String> loadBalancers(CidrSets sets, List<LoadBalancerOpening> openings) {
        Map<String, LoadBalancerOpening> merged = new LinkedHashMap<>();
        for (LoadBalancerOpening opening : SortKeys.sorted(openings, opening -> SortKeys.ipv4(opening.ip()) << 16 | opening.port())) {
            merged.merge(opening.ip() + ":" + opening.port(), opening, InputRules::union);
        }
        List<String> lines = new ArrayList<>();
        for (LoadBalancerOpening opening : merged.values()) {
            String setName = "lbSourceCidrs-" + CidrSets.hex(opening.ip()) + "-" + opening.port();
            for (CidrMatch source : sets.matches(setName, opening.sourceCidrs())) {
                lines.add(rule().source(source).destination(opening.ip()).ports("tcp", PortRange.of(opening.port())).state("NEW")
                        .jump("ACCEPT"));
            }
        }
        return lines;
    }

    private static LoadBalancerOpening union(LoadBalancerOpening a, LoadBalancerOpening b) {
        if (a.sourceCidrs().isEmpty() || b.sourceCidrs().isEmpty()) {
            return new LoadBalancerOpening(a.ip(), a.port(), List.of());
        }
        List<Cidr> both = new ArrayList<>(a.sourceCidrs());
        both.addAll(b.sourceCidrs());
        return new LoadBalancerOpening(a.ip(), a.port(), both);
    }
}
