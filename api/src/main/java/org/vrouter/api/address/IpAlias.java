package org.vrouter.api.address;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * An extra address of a router on its guest device, for a further subnet of a shared (or Basic
 * zone) network: CloudStack's {@code NicIpAlias}. With it the router's dnsmasq serves VMs of that
 * subnet too. The host controller owns aliases (it allocates the address when the first VM of a new
 * subnet starts) and hands them to the router manager; revoked ones are removed from the routers,
 * after which the controller forgets them.
 *
 * <p>Validated at construction: IPv4; the address and the gateway lie in {@code subnet}, a network
 * CIDR; the alias number is 1 or more.
 *
 * @param networkId the guest network whose routers carry the alias
 * @param aliasCount the alias number ({@code count} on the wire)
 * @param ipAddress the router's address in the subnet
 * @param subnet the extra subnet, e.g. {@code 10.1.2.0/24}
 * @param gateway the subnet's gateway, handed to its VMs
 * @param revoked whether the alias is being removed
 */
public record IpAlias(long networkId, long aliasCount, IpAddress ipAddress, Cidr subnet, IpAddress gateway, boolean revoked) {
    public IpAlias {
        FieldChecks.requirePositive("network_id", networkId);
        FieldChecks.requirePositive("count", aliasCount);
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(subnet, "subnet is null");
        requireNonNull(gateway, "gateway is null");
        ipAddress.requireIpv4("ip_address");
        subnet.requireNetworkAddress("subnet");
        if (!subnet.contains(ipAddress)) {
            throw new InvalidParameterException("ip_address", "not inside subnet " + subnet, ipAddress);
        }
        if (!subnet.contains(gateway)) {
            throw new InvalidParameterException("gateway", "not inside subnet " + subnet, gateway);
        }
    }

    /** An active alias. */
    public static IpAlias of(long networkId, long aliasCount, IpAddress ipAddress, Cidr subnet, IpAddress gateway) {
        return new IpAlias(networkId, aliasCount, ipAddress, subnet, gateway, false);
    }

    /** The same alias being removed. */
    public IpAlias revoke() {
        return new IpAlias(networkId, aliasCount, ipAddress, subnet, gateway, true);
    }
}
