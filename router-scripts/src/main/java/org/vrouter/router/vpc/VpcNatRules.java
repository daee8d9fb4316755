package org.vrouter.router.vpc;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.NAT;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.router.firewall.NatRules;
import org.vrouter.router.firewall.PortForward;
import org.vrouter.router.firewall.PublicAddress;
import org.vrouter.router.firewall.RemoteAccessVpnOpening;
import org.vrouter.router.firewall.RulesetBuilder;
import org.vrouter.router.firewall.SiteToSiteVpnOpening;
import org.vrouter.router.firewall.VpnRules;
import org.vrouter.router.firewall.StaticNat;

/**
 * The nat table of a VPC router: DNAT for port forwards and static NAT into tiers in {@code PREROUTING}
 * and {@code OUTPUT}; in {@code POSTROUTING} the hairpin SNAT of tiers that NAT sends traffic into, the
 * static-NAT SNAT, the source NAT of the VPC CIDR through each private gateway that has it, and last the
 * source NAT of the VPC CIDR on each interface with a source-NAT address.
 */
final class VpcNatRules {
    private final VpcRender render;
    private final RulesetBuilder rules;

    private VpcNatRules(VpcRender render) {
        this.render = render;
        this.rules = render.rules();
    }

    static void render(VpcRender render) {
        VpcNatRules nat = new VpcNatRules(render);
        VpcFirewallInput input = render.input();
        List<String> dnat = NatRules.destinationNat(render.sets(), input.portForwards(), input.staticNats());
        nat.rules.appendAll(NAT, "PREROUTING", dnat);
        render.remoteAccessVpns().stream().map(RemoteAccessVpnOpening::localIp).distinct()
                .forEach(localIp -> nat.rules.appendAll(NAT, "PREROUTING", VpnRules.remoteAccessDns(localIp)));
        nat.rules.appendAll(NAT, "OUTPUT", dnat);
        // tunnel traffic keeps its addresses: exempt before any SNAT
        render.siteToSiteVpns().forEach(vpn -> nat.rules.appendAll(NAT, "POSTROUTING", VpnRules.siteToSiteNatExemptions(vpn)));
        nat.sourceNat();
    }

    private void sourceNat() {
        VpcFirewallInput input = render.input();
        Set<String> natTargets = new LinkedHashSet<>();
        input.portForwards().stream().map(PortForward::vmIp).forEach(ip -> natTargets.add(render.tierOf(ip).device()));
        input.staticNats().stream().map(StaticNat::vmIp).forEach(ip -> natTargets.add(render.tierOf(ip).device()));
        for (Tier tier : render.tiers()) {
            if (natTargets.contains(tier.device())) {
                postrouting(NatRules.hairpin(tier.guestNic()));
            }
        }
        for (StaticNat nat : NatRules.sortedByPublicIp(input.staticNats())) {
            postrouting(NatRules.staticNatSource(nat, render.publicDevice(nat.publicIp())));
        }
        for (PrivateGateway gateway : render.privateGateways()) {
            if (gateway.sourceNat()) {
                postrouting(rule().source(input.vpcCidr()).out(gateway.device()).jump("SNAT --to-source " + gateway.ip()));
            }
        }
        for (PublicAddress address : render.publicAddresses()) {
            if (address.sourceNat()) {
                postrouting(rule().source(input.vpcCidr()).out(address.device()).jump("SNAT --to-source " + address.ip()));
            }
        }
    }

    private void postrouting(String line) {
        rules.append(NAT, "POSTROUTING", line);
    }
}
