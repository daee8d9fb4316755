package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.NAT;

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
        List<String> dnat = NatRules.destinationNat(render.sets(), render.input().portForwards(), render.input().staticNats());
        nat.rules.appendAll(NAT, "PREROUTING", dnat);
        nat.vpnDns();
        nat.rules.appendAll(NAT, "OUTPUT", dnat);
        nat.sourceNat();
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
                rules.append(NAT, "POSTROUTING", NatRules.hairpin(guest));
            }
        }
        for (StaticNat nat : render.staticNats()) {
            rules.append(NAT, "POSTROUTING", NatRules.staticNatSource(nat, render.publicAddress(nat.publicIp()).device()));
        }
        for (PublicAddress address : render.publicAddresses()) {
            if (address.sourceNat()) {
                rules.append(NAT, "POSTROUTING", rule().out(address.device()).jump("SNAT --to-source " + address.ip()));
            }
        }
    }
}
