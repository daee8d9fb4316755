package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.net.PortRange;

/**
 * The nat-table rules every router type with a public side shares: destination NAT for port
 * forwards and static NAT (the same lines go into {@code PREROUTING} and {@code OUTPUT}, so the router
 * itself reaches a forwarded service too), hairpin SNAT and the static-NAT SNAT. Pure functions; the
 * lines are in iptables-save form.
 */
public final class NatRules {
    private NatRules() {}

    /**
     * The DNAT lines: port forwards by public address, protocol and first port, then static NATs by
     * public address. A forward's source list longer than {@value CidrSets#INLINE_LIMIT} networks is
     * matched through the set {@code pfSourceCidrs-<ip hex>-<t|u><first port>}.
     */
    public static List<String> destinationNat(CidrSets sets, List<PortForward> forwards, List<StaticNat> staticNats) {
        List<String> lines = new ArrayList<>();
        for (PortForward forward : SortKeys.sorted(forwards, PortForward::sortKey)) {
            String setName = "pfSourceCidrs-" + CidrSets.hex(forward.publicIp()) + "-"
                    + forward.protocol().name().charAt(0) + forward.publicPorts().start();
            for (CidrMatch source : sets.matches(setName, forward.sourceCidrs())) {
                lines.add(rule().source(source).destination(forward.publicIp())
                        .ports(forward.protocol().name(), forward.publicPorts())
                        .jump("DNAT --to-destination " + forward.vmIp() + ":" + vmPorts(forward)));
            }
        }
        for (StaticNat nat : sortedByPublicIp(staticNats)) {
            lines.add(rule().destination(nat.publicIp()).jump("DNAT --to-destination " + nat.vmIp()));
        }
        return lines;
    }

    /**
     * Hairpin NAT on a guest network or tier that port forwards or static NATs send traffic into: a VM
     * reaching another VM of its own network through a public address gets the router as source, so
     * the reply comes back through the router and its NAT.
     */
    public static String hairpin(GuestNic guest) {
        return rule().source(guest.network()).destination(guest.network()).out(guest.device())
                .match("-m conntrack --ctstate DNAT").jump("SNAT --to-source " + guest.routerIp());
    }

    /** A static-NAT VM's new connections leave from its public address, on that address's interface. */
    public static String staticNatSource(StaticNat nat, String device) {
        return rule().source(nat.vmIp()).out(device).jump("SNAT --to-source " + nat.publicIp());
    }

    /** Static NATs by public address. */
    public static List<StaticNat> sortedByPublicIp(List<StaticNat> staticNats) {
        return SortKeys.sorted(staticNats, nat -> SortKeys.ipv4(nat.publicIp()));
    }

    /**
     * The VM side of a forward as DNAT takes it: one port; a range of the same ports; or a shifted
     * range with the public port that maps onto its first port ({@code 3000-3010/2000}), so each
     * public port reaches its own VM port.
     */
    static String vmPorts(PortForward forward) {
        PortRange vm = forward.vmPorts();
        if (vm.isSinglePort()) {
            return Integer.toString(vm.start());
        }
        String range = vm.start() + "-" + vm.end();
        return vm.equals(forward.publicPorts()) ? range : range + "/" + forward.publicPorts().start();
    }
}
