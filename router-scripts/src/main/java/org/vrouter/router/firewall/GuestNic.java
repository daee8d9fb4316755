package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * A guest interface of an isolated router: the VMs' network, where the router serves DHCP, DNS,
 * user data (80/443) and passwords (8080), and whose traffic to the public side passes the egress
 * firewall. Input to {@link IsolatedFirewallRenderer}.
 *
 * @param device the interface, {@code eth<N>} ({@code eth0} on an isolated router)
 * @param routerIp the router's address on the guest network (the hairpin NAT source)
 * @param network the guest network, without host bits ({@code 10.1.1.0/24})
 */
public record GuestNic(String device, IpAddress routerIp, Cidr network) {
    public GuestNic {
        NicNames.require("device", device);
        requireNonNull(routerIp, "routerIp is null");
        requireNonNull(network, "network is null");
        if (!network.isIpv4() || !network.isNetworkAddress() || network.prefixLength() == 0) {
            throw new InvalidParameterException("network", "must be an IPv4 network without host bits (for example "
                    + network.network() + ")", network);
        }
        if (!network.contains(routerIp)) {
            throw new InvalidParameterException("router_ip", "is not in the guest network " + network, routerIp);
        }
    }
}
