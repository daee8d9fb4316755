package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.router.firewall.NicNames;

/**
 * The network ACL of one VPC tier or private gateway ({@code network_acl.json}, the {@code networkacl}
 * bag entry of its device): ordered ingress and egress items, list order = ACL order (CloudStack sends
 * them sorted by rule number). Input to {@link VpcFirewallRenderer}: the items become the rules of
 * {@code ACL_INBOUND_<device>} and {@code ACL_OUTBOUND_<device>}, in this order, one kernel rule per
 * item (per network for a list of up to {@value org.vrouter.router.firewall.CidrSets#INLINE_LIMIT}
 * networks, one rule matching an ipset for longer lists). Empty lists are valid: ingress is then
 * dropped, egress let through.
 *
 * @param device the tier's or private gateway's interface ({@code device})
 * @param ingress {@code ingress_rules}: traffic into the tier (out of the router through {@code device})
 * @param egress {@code egress_rules}: traffic from the tier (into the router through {@code device})
 */
public record NetworkAcl(String device, List<AclItem> ingress, List<AclItem> egress) {
    public NetworkAcl {
        NicNames.require("device", device);
        ingress = List.copyOf(requireNonNull(ingress, "ingress is null"));
        egress = List.copyOf(requireNonNull(egress, "egress is null"));
    }

    /** An ACL with no items: ingress dropped, egress let through. */
    public static NetworkAcl empty(String device) {
        return new NetworkAcl(device, List.of(), List.of());
    }
}
