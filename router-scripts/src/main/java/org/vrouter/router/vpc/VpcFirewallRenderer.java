package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import org.vrouter.router.firewall.Firewall;
import org.vrouter.router.firewall.FirewallApplier;

/**
 * Renders the complete IPv4 firewall of a VPC router ({@code type=vpcrouter}): the filter, nat and
 * mangle tables and the ipsets their rules match, from a {@link VpcFirewallInput}. A pure function: no
 * I/O, no clock; the same input gives the same {@link Firewall}, in time linear in the number of rules
 * (plus sorting the interfaces and addresses; ACL items keep their order). {@link FirewallApplier}
 * applies the result, one {@code iptables-restore} for every changed chain.
 *
 * <p>Rules are written exactly as {@code iptables-save} prints them, so a read-back of the kernel
 * compares equal. The layout is CloudStack's ({@code router-side} §5.4), with the departures the
 * package's services document:
 * <ul>
 * <li>filter {@code INPUT} and {@code FORWARD} (both policy DROP): see {@code VpcFilterRules};</li>
 * <li>filter {@code ACL_INBOUND_<dev>} per tier and private gateway: the ingress items, default DROP;
 *     mangle {@code ACL_OUTBOUND_<dev>}: the egress items, default RETURN (see {@code AclChains});</li>
 * <li>filter {@code NETWORK_STATS_<dev>} per public interface: VPC byte counters;</li>
 * <li>mangle {@code PREROUTING}: marks, then the jumps to the egress ACLs (see {@code VpcMangleRules});</li>
 * <li>nat: DNAT into tiers, hairpin, static-NAT and source NAT of the VPC CIDR (see {@code VpcNatRules}).</li>
 * </ul>
 */
public final class VpcFirewallRenderer {
    /**
     * @throws IllegalArgumentException if a rendered rule or name is not valid iptables (a defect of the
     *     renderer; a valid input always renders)
     */
    public Firewall render(VpcFirewallInput input) {
        requireNonNull(input, "input is null");
        VpcRender render = new VpcRender(input);
        VpcFilterRules.render(render);
        for (Tier tier : render.tiers()) {
            AclChains.render(render, render.acl(tier.device()));
        }
        for (PrivateGateway gateway : render.privateGateways()) {
            AclChains.render(render, render.acl(gateway.device()));
        }
        VpcMangleRules.render(render);
        VpcNatRules.render(render);
        return new Firewall(render.rules().build(), render.sets().sets());
    }
}
