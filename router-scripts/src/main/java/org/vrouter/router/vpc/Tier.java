package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.firewall.GuestNic;
import org.vrouter.router.firewall.NicNames;

/**
 * One tier (guest network) of a VPC, on its own router interface ({@code guest_network.json}, the
 * {@code guestnetwork} bag entry of its device). Input to {@link VpcFirewallRenderer}: the router serves
 * the tier DHCP, DNS, user data and passwords, and its network ACL decides traffic into the tier and out
 * of it.
 *
 * @param device the interface ({@code device}, {@code eth2} and up)
 * @param routerIp the router's address on the tier ({@code router_guest_ip}): the hairpin NAT source
 * @param gateway the tier's gateway VMs use ({@code router_guest_gateway}; the VRRP address on a
 *     redundant pair, else {@code routerIp}): traffic to it is the router's, not the egress ACL's
 * @param network the tier's network without host bits ({@code 172.16.1.0/24})
 */
public record Tier(String device, IpAddress routerIp, IpAddress gateway, Cidr network) {
    public Tier {
        NicNames.require("device", device);
        requireNonNull(routerIp, "routerIp is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(network, "network is null");
        if (!network.isIpv4() || !network.isNetworkAddress() || network.prefixLength() == 0) {
            throw new InvalidParameterException("cidr", "must be an IPv4 network without host bits", network);
        }
        if (!network.contains(routerIp)) {
            throw new InvalidParameterException("router_guest_ip", "is not in the tier's network " + network, routerIp);
        }
        if (!network.contains(gateway)) {
            throw new InvalidParameterException("router_guest_gateway", "is not in the tier's network " + network, gateway);
        }
    }

    /** The tier as the shared guest-network rules take it. */
    GuestNic guestNic() {
        return new GuestNic(device, routerIp, network);
    }
}
