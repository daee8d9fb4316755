package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.firewall.NicNames;

/**
 * A private gateway of a VPC: a router interface on a private network (an {@code ips} entry with
 * {@code is_private_gateway: true}) through which static routes reach networks outside the VPC. Input
 * to {@link VpcFirewallRenderer}: its network ACL ({@code private_gateway_acl: true}) decides everything
 * leaving through the interface (ingress items) and every new connection arriving on it (egress items).
 *
 * @param device the interface
 * @param address the router's address with its prefix length ({@code 10.200.0.2/24})
 * @param sourceNat traffic from the VPC leaves with the router's address ({@code source_nat})
 */
public record PrivateGateway(String device, Cidr address, boolean sourceNat) {
    public PrivateGateway {
        NicNames.require("device", device);
        requireNonNull(address, "address is null");
        if (!address.isIpv4()) {
            throw new InvalidParameterException("public_ip", "a private gateway address is IPv4", address);
        }
    }

    public IpAddress ip() {
        return address.address();
    }

    /** The private network, without host bits. */
    public Cidr network() {
        return address.network();
    }
}
