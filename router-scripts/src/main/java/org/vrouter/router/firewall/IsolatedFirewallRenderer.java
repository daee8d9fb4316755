package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

/**
 * Renders the complete IPv4 firewall of an isolated router ({@code type=router}): the filter, nat
 * and mangle tables and the ipsets their rules match, from an {@link IsolatedFirewallInput}. A pure
 * function: no I/O, no clock; the same input (in any list order) gives the same {@link Firewall},
 * in time linear in the number of rules (plus sorting). {@link FirewallApplier} applies the result.
 *
 * <p>Rules are written exactly as {@code iptables-save} prints them, so a read-back of the kernel
 * compares equal. The layout keeps CloudStack's names where operators and tools rely on them:
 * <ul>
 * <li>filter {@code INPUT} (policy DROP): loopback, established, ICMP, SSH 3922 on the control
 *     interface only, DHCP/DNS/user data/passwords (67, 53, 80, 443, 8080) from the guest side,
 *     haproxy listeners and statistics page, remote-access VPN;
 * <li>filter {@code FORWARD} (policy DROP): replies to the guests, intra-guest hairpin, port
 *     forwards and static NAT (only connections the router translated), VPN clients, and guest to
 *     public through {@code FW_OUTBOUND} (established) then {@code FW_EGRESS_RULES} (egress rules,
 *     then the default policy as the last rule); {@code NETWORK_STATS} counters from INPUT, FORWARD,
 *     OUTPUT;
 * <li>mangle {@code PREROUTING}: connmark restore, then per public address {@code VPN_<ip>} (when a
 *     VPN server listens there) and {@code FIREWALL_<ip>} (established, ingress rules as RETURN,
 *     DROP), static-NAT marks ({@code PREROUTING-ethN-def}), connmark {@code 0x(100+N)} of new
 *     connections per public interface N;
 * <li>nat: DNAT for port forwards and static NAT in {@code PREROUTING} and {@code OUTPUT}; hairpin
 *     SNAT, static-NAT SNAT and source NAT in {@code POSTROUTING}.
 * </ul>
 * A CIDR list of more than {@value CidrSets#INLINE_LIMIT} networks is matched through a
 * {@code hash:net} ipset: {@code sourceCidrIpset-<id>} / {@code destCidrIpset-<id>} for firewall
 * rules (CloudStack's names), {@code pfSourceCidrs-<ip hex>-<t|u><port>} for port forwards,
 * {@code lbSourceCidrs-<ip hex>-<port>} for haproxy openings. Shorter lists give one rule per
 * network (two lists: at most {@value CidrSets#INLINE_LIMIT} rules).
 */
public final class IsolatedFirewallRenderer {
    /**
     * @throws IllegalArgumentException if a rendered rule or name is not valid iptables (a defect
     *     of the renderer; a valid input always renders)
     */
    public Firewall render(IsolatedFirewallInput input) {
        requireNonNull(input, "input is null");
        IsolatedRender render = new IsolatedRender(input);
        IsolatedFilterRules.render(render);
        IsolatedNatRules.render(render);
        IsolatedMangleRules.render(render);
        return new Firewall(render.rules().build(), render.sets().sets());
    }
}
