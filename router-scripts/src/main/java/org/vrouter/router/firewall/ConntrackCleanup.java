package org.vrouter.router.firewall;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;

/**
 * The connection-tracking entries a firewall change made stale, computed from the input before and
 * after it: CloudStack flushes the whole table after every batch, dropping every established flow of
 * the router; here only the entries of a NAT mapping that is no longer in force go. The kernel keeps
 * using a NAT entry after its rule is gone, so without this a removed port forward would keep carrying
 * the connections it had.
 *
 * <ul>
 *   <li>A port forward removed, or changed in its public or VM address, protocol or ports: for each public
 *       port, the entries from that port to the VM port it mapped to. conntrack filters one port, not a
 *       range, so a range is one filter for the address, protocol and VM, unless a forward still in force
 *       sends the same address and protocol to the same VM; then one filter per port. A change of only the
 *       sources allowed ({@code source_cidr_list}) keeps the mapping, and its connections, as a firewall
 *       rule change does.</li>
 *   <li>A static NAT removed (or moved to another VM): the connections to its public address that went to
 *       the VM, and the VM's connections that left from that address.</li>
 *   <li>A source-NAT address that is no longer one (removed, or replaced on its interface): the connections
 *       source-NATed to it.</li>
 * </ul>
 * Pure: no I/O; the filters come in a stable order (port forwards, static NATs, source NAT), each once.
 */
public final class ConntrackCleanup {
    private ConntrackCleanup() {}

    /** The filters deleting what {@code before} set up and {@code after} no longer has. */
    public static List<ConntrackFilter> between(IsolatedFirewallInput before, IsolatedFirewallInput after) {
        Set<ConntrackFilter> filters = new LinkedHashSet<>();
        removedForwards(before, after, filters);
        removedStaticNats(before, after, filters);
        removedSourceNats(before, after, filters);
        return List.copyOf(filters);
    }

    private static void removedForwards(IsolatedFirewallInput before, IsolatedFirewallInput after, Set<ConntrackFilter> filters) {
        Set<Mapping> kept = new HashSet<>();
        Set<Target> keptTargets = new HashSet<>();
        for (PortForward forward : after.portForwards()) {
            kept.add(Mapping.of(forward));
            keptTargets.add(Target.of(forward));
        }
        for (PortForward forward : SortKeys.sorted(before.portForwards(), PortForward::sortKey)) {
            if (kept.contains(Mapping.of(forward))) {
                continue;
            }
            if (forward.publicPorts().isSinglePort() || keptTargets.contains(Target.of(forward))) {
                for (int port = forward.publicPorts().start(); port <= forward.publicPorts().end(); port++) {
                    filters.add(ConntrackFilter.portForward(forward, port));
                }
            }
            else {
                filters.add(ConntrackFilter.forwardedTo(forward.publicIp(), forward.protocol(), forward.vmIp()));
            }
        }
    }

    private static void removedStaticNats(IsolatedFirewallInput before, IsolatedFirewallInput after, Set<ConntrackFilter> filters) {
        Set<StaticNat> kept = new HashSet<>(after.staticNats());
        before.staticNats().stream().filter(nat -> !kept.contains(nat))
                .sorted(Comparator.comparingLong(nat -> SortKeys.ipv4(nat.publicIp())))
                .forEach(nat -> {
                    filters.add(ConntrackFilter.staticNatInbound(nat));
                    filters.add(ConntrackFilter.staticNatOutbound(nat));
                });
    }

    private static void removedSourceNats(IsolatedFirewallInput before, IsolatedFirewallInput after, Set<ConntrackFilter> filters) {
        Set<IpAddress> kept = new HashSet<>();
        after.publicAddresses().stream().filter(PublicAddress::sourceNat).forEach(address -> kept.add(address.ip()));
        before.publicAddresses().stream().filter(PublicAddress::sourceNat).map(PublicAddress::ip).filter(ip -> !kept.contains(ip))
                .sorted(Comparator.comparingLong(SortKeys::ipv4))
                .forEach(ip -> filters.add(ConntrackFilter.sourceNat(ip)));
    }

    /** What a forward does to a connection; its allowed sources aside. */
    private record Mapping(Target target, PortRange publicPorts, PortRange vmPorts) {
        static Mapping of(PortForward forward) {
            return new Mapping(Target.of(forward), forward.publicPorts(), forward.vmPorts());
        }
    }

    /** Where a forward sends connections, ports aside: what a filter for a whole range selects. */
    private record Target(IpAddress publicIp, Protocol protocol, IpAddress vmIp) {
        static Target of(PortForward forward) {
            return new Target(forward.publicIp(), forward.protocol(), forward.vmIp());
        }
    }
}
