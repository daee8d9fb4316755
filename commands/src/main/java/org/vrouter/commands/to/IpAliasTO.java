package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.validation.FieldChecks;

/**
 * One IP alias of a router on its guest device: CloudStack's {@code IpAliasTO(routerip, netmask,
 * alias_count)}. A shared network with several subnets gives its router one alias per extra subnet,
 * so dnsmasq can serve that subnet. Carried by {@code CreateIpAliasCommand} and
 * {@code DeleteIpAliasCommand}; on the wire an element of {@code ip_aliases.json}'s {@code aliases}.
 *
 * @param ipAddress the router's address in the extra subnet, IPv4 ({@code ip_address})
 * @param aliasCount the alias number, 1 or more ({@code count}): the alias is {@code ethN:count}
 */
public record IpAliasTO(IpAddress ipAddress, Netmask netmask, long aliasCount) {
    public IpAliasTO {
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(netmask, "netmask is null");
        if (!ipAddress.isIpv4()) {
            throw new InvalidParameterException("ip_address", "an IP alias must be IPv4", ipAddress);
        }
        FieldChecks.requirePositive("count", aliasCount);
    }
}
