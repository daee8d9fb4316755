package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.NAT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.net.PortRange;

/**
 * The nat table of an isolated router. {@code PREROUTING} and {@code OUTPUT} carry the same DNAT
 * rules for port forwards and static NAT, so the router itself reaches a forwarded service too;
 * {@code POSTROUTING} holds the hairpin SNAT (a guest reaching another guest through a public
 * address gets the router as source, so the reply comes back through the router), the static-NAT
 * SNAT and, last, the source NAT of each interface with a source-NAT address.
 */
final class IsolatedNatRules {
    private static final String VPN_CLIENTS = "ppp+";

    private final IsolatedRender render;
    private final RulesetBuilder rules;

    private IsolatedNatRules(IsolatedRender render) {
        this.render = render;
        this.rules = render.rules();
    }

    static void render(IsolatedRender render) {
        IsolatedNatRules nat = new IsolatedNatRules(render);
        List<String> dnat = nat.destinationNat();
        nat.rules.appendAll(NAT, "PREROUTING", dnat);
        nat.vpnDns();
        nat.rules.appendAll(NAT, "OUTPUT", dnat);
        nat.sourceNat();
    }

    private List<String> destinationNat() {
        List<String> lines = new ArrayList<>();
        for (PortForward forward : render.portForwards()) {
            String setName = "pfSourceCidrs-" + IsolatedRender.hex(forward.publicIp()) + "-"
                    + forward.protocol().name().charAt(0) + forward.publicPorts().start();
            for (CidrMatch source : render.sets().matches(setName, forward.sourceCidrs())) {
                lines.add(rule().source(source).destination(forward.publicIp())
                        .ports(forward.protocol().name(), forward.publicPorts())
                        .jump("DNAT --to-destination " + forward.vmIp() + ":" + vmPorts(forward)));
            }
        }
        for (StaticNat nat : render.staticNats()) {
            lines.add(rule().destination(nat.publicIp()).jump("DNAT --to-destination " + nat.vmIp()));
        }
        return lines;
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

    /** VPN clients ask the router's guest address for DNS, whatever server they were told. */
    private void vpnDns() {
        Set<String> lines = new LinkedHashSet<>();
        for (RemoteAccessVpnOpening vpn : render.remoteAccessVpns()) {
            for (String protocol : new String[] {"udp", "tcp"}) {
                lines.add(rule().in(VPN_CLIENTS).ports(protocol, PortRange.of(53)).jump("DNAT --to-destination " + vpn.localIp()));
            }
        }
        rules.appendAll(NAT, "PREROUTING", List.copyOf(lines));
    }

    private void sourceNat() {
        Set<String> natTargets = render.natTargetDevices();
        for (GuestNic guest : render.guests()) {
            if (natTargets.contains(guest.device())) {
                rules.append(NAT, "POSTROUTING", rule().source(guest.network()).destination(guest.network()).out(guest.device())
                        .match("-m conntrack --ctstate DNAT").jump("SNAT --to-source " + guest.routerIp()));
            }
        }
        for (StaticNat nat : render.staticNats()) {
            String device = render.publicAddress(nat.publicIp()).device();
            rules.append(NAT, "POSTROUTING", rule().source(nat.vmIp()).out(device).jump("SNAT --to-source " + nat.publicIp()));
        }
        for (PublicAddress address : render.publicAddresses()) {
            if (address.sourceNat()) {
                rules.append(NAT, "POSTROUTING", rule().out(address.device()).jump("SNAT --to-source " + address.ip()));
            }
        }
    }
}
