package org.vrouter.router.vpc;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.FILTER;

import org.vrouter.router.firewall.InputRules;
import org.vrouter.router.firewall.Policy;
import org.vrouter.router.firewall.RemoteAccessVpnOpening;
import org.vrouter.router.firewall.RulesetBuilder;
import org.vrouter.router.firewall.SiteToSiteVpnOpening;
import org.vrouter.router.firewall.VpnRules;

/**
 * The filter table of a VPC router. {@code INPUT} (policy DROP): the router's own traffic, the
 * services of every tier, haproxy listeners. {@code FORWARD} (policy DROP), in this order:
 * <ol>
 * <li>the byte counters {@code NETWORK_STATS_<public dev>} CloudStack's {@code vpc_netusage.sh} reads
 *     (VPC CIDR out of and into each public interface);</li>
 * <li>replies of established connections;</li>
 * <li>everything leaving through a private gateway into its ACL ({@code -o <dev>}), before the VPC's
 *     Internet accept, so a private gateway's ACL is never bypassed (#9838);</li>
 * <li>everything for a tier into the tier's ACL ({@code -d <tier cidr> -o <dev>}): traffic between
 *     tiers, port forwards and static NAT (after DNAT) all meet the destination tier's ingress ACL;</li>
 * <li>with a public address, the VPC's traffic to the outside ({@code -s <vpc cidr> ! -d <vpc cidr>}),
 *     whose egress ACL the mangle table applied already.</li>
 * </ol>
 */
final class VpcFilterRules {
    private static final String ESTABLISHED = "RELATED,ESTABLISHED";

    private final VpcRender render;
    private final RulesetBuilder rules;

    private VpcFilterRules(VpcRender render) {
        this.render = render;
        this.rules = render.rules();
    }

    static void render(VpcRender render) {
        VpcFilterRules filter = new VpcFilterRules(render);
        filter.rules.policy(FILTER, "INPUT", Policy.DROP).policy(FILTER, "FORWARD", Policy.DROP).policy(FILTER, "OUTPUT", Policy.ACCEPT);
        filter.input();
        filter.forward();
    }

    private void input() {
        VpcFirewallInput input = render.input();
        rules.appendAll(FILTER, "INPUT", InputRules.base(input.control(), input.redundant()));
        render.tiers().forEach(tier -> rules.appendAll(FILTER, "INPUT", InputRules.guestServices(tier.guestNic())));
        rules.appendAll(FILTER, "INPUT", InputRules.loadBalancers(render.sets(), input.loadBalancerOpenings()));
        for (SiteToSiteVpnOpening vpn : render.siteToSiteVpns()) {
            rules.appendAll(FILTER, "INPUT", VpnRules.siteToSiteInput(vpn, render.publicDevice(vpn.localPublicIp())));
        }
        for (RemoteAccessVpnOpening vpn : render.remoteAccessVpns()) {
            rules.appendAll(FILTER, "INPUT", VpnRules.remoteAccessInput(vpn.publicIp(), render.publicDevice(vpn.publicIp())));
        }
        if (!render.remoteAccessVpns().isEmpty()) {
            rules.appendAll(FILTER, "INPUT", VpnRules.remoteAccessClientInput());
        }
    }

    private void forward() {
        for (String device : render.publicDevices()) {
            String stats = "NETWORK_STATS_" + device;
            forward(rule().jump(stats));
            rules.append(FILTER, stats, rule().source(render.input().vpcCidr()).out(device).countOnly());
            rules.append(FILTER, stats, rule().destination(render.input().vpcCidr()).in(device).countOnly());
        }
        forward(rule().state(ESTABLISHED).jump("ACCEPT"));
        // L2TP clients reach the VPC as CloudStack's VPN_FORWARD lets them: before the tiers' ACLs
        render.remoteAccessVpns().stream().map(RemoteAccessVpnOpening::localCidr).distinct()
                .forEach(cidr -> rules.appendAll(FILTER, "FORWARD", VpnRules.remoteAccessForward(cidr)));
        for (PrivateGateway gateway : render.privateGateways()) {
            forward(rule().out(gateway.device()).jump(AclChains.inbound(gateway.device())));
        }
        for (Tier tier : render.tiers()) {
            forward(rule().destination(tier.network()).out(tier.device()).jump(AclChains.inbound(tier.device())));
        }
        if (!render.publicAddresses().isEmpty()) {
            forward(rule().source(render.input().vpcCidr()).notDestination(render.input().vpcCidr()).jump("ACCEPT"));
        }
    }

    private void forward(String line) {
        rules.append(FILTER, "FORWARD", line);
    }
}
